/* Whole-text scans in one C pass each, with pure-Python equivalents as fallbacks.
 *
 * Length-preserving search fold of a whole text (see textfold.fold_for_search).
 *
 * search_fold(text, table) -> str | None
 *   Each character is replaced by one character: ASCII letters are lower-cased, other ASCII
 *   is kept, and a code point below len(table) becomes table[code point]. None when the text
 *   has a code point the table does not cover: the caller then folds it in Python.
 * Why: the same fold in Python costs about a quarter of a listed-spellings-only run (a
 * lower() and a regex callback per run of accented letters); here it is one pass.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
search_fold(PyObject *self, PyObject *args)
{
    PyObject *text, *table;
    if (!PyArg_ParseTuple(args, "UU", &text, &table)) {
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_ssize_t covered = PyUnicode_GET_LENGTH(table);
    int text_kind = PyUnicode_KIND(text), table_kind = PyUnicode_KIND(table);
    const void *text_data = PyUnicode_DATA(text), *table_data = PyUnicode_DATA(table);
    Py_UCS4 *out = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Py_UCS4));
    if (out == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(text_kind, text_data, i);
        if (c < 128) {
            out[i] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        }
        else if ((Py_ssize_t)c < covered) {
            out[i] = PyUnicode_READ(table_kind, table_data, c);
        }
        else {
            PyMem_Free(out);
            Py_RETURN_NONE;
        }
    }
    PyObject *result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, n);
    PyMem_Free(out);
    return result;
}

/* The characters of CAPITALIZED_RE in normalizer.canonicalize (kept in step with it): in
 * Latin Extended-A and -B only the capitals ("Ş", "Ə"), never the "ğ" inside "oğlu". */
static int
is_capital_start(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xDE)
        || (c >= 0x100 && c <= 0x24F && (Py_UNICODE_ISUPPER(c) || Py_UNICODE_ISTITLE(c)));
}

static int
is_word(Py_UCS4 c)  /* the regex \w of a str pattern */
{
    return c == '_' || Py_UNICODE_ISALNUM(c);
}

static int
is_lower_latin(Py_UCS4 c)  /* [a-z\u00df-\u00ff] */
{
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF);
}

static int
is_ayn_apostrophe(Py_UCS4 c)  /* ['\u2019\u02bc\u02bf] */
{
    return c == '\'' || c == 0x2019 || c == 0x2BC || c == 0x2BF;
}

/*
 * capitals(text) -> (words, spans)
 *   The matches of CAPITALIZED_RE, left to right, as findall and finditer give them:
 *   a capital, then word characters, then any number of apostrophe + lower-case letters
 *   (not a possessive "'s"). Why: the regex scan is a tenth of a default-mode run.
 */
static PyObject *
capitals(PyObject *self, PyObject *args)
{
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U", &text)) {
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *words = PyList_New(0), *spans = PyList_New(0);
    if (words == NULL || spans == NULL) {
        goto fail;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!is_capital_start(c)) {
            i++;
            continue;
        }
        Py_ssize_t start = i, end = i + 1;
        if (end < n && is_word(PyUnicode_READ(kind, data, end))) {
            while (end < n && is_word(PyUnicode_READ(kind, data, end))) {
                end++;
            }
            for (;;) {  /* (?:['...](?!s\b)[a-z\u00df-\u00ff]+)* */
                if (end + 1 >= n || !is_ayn_apostrophe(PyUnicode_READ(kind, data, end))) {
                    break;
                }
                Py_UCS4 next = PyUnicode_READ(kind, data, end + 1);
                if (next == 's' && (end + 2 >= n
                                    || !is_word(PyUnicode_READ(kind, data, end + 2)))) {
                    break;
                }
                if (!is_lower_latin(next)) {
                    break;
                }
                end += 2;
                while (end < n && is_lower_latin(PyUnicode_READ(kind, data, end))) {
                    end++;
                }
            }
        }
        PyObject *word = PyUnicode_Substring(text, start, end);
        PyObject *span = word == NULL ? NULL : Py_BuildValue("(nn)", start, end);
        if (span == NULL || PyList_Append(words, word) < 0 || PyList_Append(spans, span) < 0) {
            Py_XDECREF(word);
            Py_XDECREF(span);
            goto fail;
        }
        Py_DECREF(word);
        Py_DECREF(span);
        i = end;
    }
    return Py_BuildValue("(NN)", words, spans);
fail:
    Py_XDECREF(words);
    Py_XDECREF(spans);
    return NULL;
}

/* The mark ranges of textfold._MARK_RANGES (kept in step with it). */
static int
is_mark(Py_UCS4 c)
{
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x610 && c <= 0x61A) || (c >= 0x64B && c <= 0x65F)
        || c == 0x670 || (c >= 0x6D6 && c <= 0x6ED) || (c >= 0x200C && c <= 0x200D);
}

/* textfold.AYN_LETTERS: modifier letters that write an ayn or a hamza, apostrophes to a
 * reader ("ʿAbdallāh"): never part of a token. */
static int
is_ayn_letter(Py_UCS4 c)
{
    return c == 0x2BB || c == 0x2BC || c == 0x2BE || c == 0x2BF;
}

static int
is_token_char(Py_UCS4 c)  /* textfold.TOKEN_RE: (?:[^\W_AYN_LETTERS]|[marks])+ */
{
    return (c != '_' && Py_UNICODE_ISALNUM(c) && !is_ayn_letter(c)) || is_mark(c);
}

/*
 * tokens(text, start, end, fold, token_type) -> list
 *   textfold.tokenize in one pass: token_type(start, end, text, fold(text)) for each maximal
 *   run of letters, digits and marks in text[start:end]. Why: building the tokens in Python
 *   cost a sixth of a default-mode run.
 */
static PyObject *
tokens(PyObject *self, PyObject *args)
{
    PyObject *text, *fold, *token_type;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "UnnOO", &text, &start, &end, &fold, &token_type)) {
        return NULL;
    }
    if (!PyType_Check(token_type) || !PyType_IsSubtype((PyTypeObject *)token_type,
                                                       &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "token_type must be a tuple subclass");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (start < 0) {
        start = 0;
    }
    if (end > n) {
        end = n;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t i = start;
    while (i < end) {
        if (!is_token_char(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t j = i + 1;
        while (j < end && is_token_char(PyUnicode_READ(kind, data, j))) {
            j++;
        }
        PyObject *word = PyUnicode_Substring(text, i, j);
        PyObject *folded = word == NULL ? NULL : PyObject_CallOneArg(fold, word);
        PyObject *fields = folded == NULL ? NULL : Py_BuildValue("((nnOO))", i, j, word, folded);
        PyObject *token = fields == NULL ? NULL
            : PyTuple_Type.tp_new((PyTypeObject *)token_type, fields, NULL);
        int failed = token == NULL || PyList_Append(out, token) < 0;
        Py_XDECREF(word);
        Py_XDECREF(folded);
        Py_XDECREF(fields);
        Py_XDECREF(token);
        if (failed) {
            Py_DECREF(out);
            return NULL;
        }
        i = j;
    }
    return out;
}

static PyMethodDef methods[] = {
    {"tokens", tokens, METH_VARARGS,
     "tokens(text, start, end, fold, token_type) -> list: textfold.tokenize in C."},
    {"capitals", capitals, METH_VARARGS,
     "capitals(text) -> (words, spans): the matches of CAPITALIZED_RE."},
    {"search_fold", search_fold, METH_VARARGS,
     "search_fold(text, table) -> str | None: one folded character per character."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "normalizer._fold",
    "Whole-text scans in C (optional; the callers fall back to Python).", -1,
    methods
};

PyMODINIT_FUNC
PyInit__fold(void)
{
    return PyModule_Create(&module);
}
