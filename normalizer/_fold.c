/* Length-preserving search fold of a whole text in one C pass (see textfold.fold_for_search).
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

static PyMethodDef methods[] = {
    {"search_fold", search_fold, METH_VARARGS,
     "search_fold(text, table) -> str | None: one folded character per character."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "normalizer._fold",
    "Length-preserving search fold in C (optional; textfold falls back to Python).", -1,
    methods
};

PyMODINIT_FUNC
PyInit__fold(void)
{
    return PyModule_Create(&module);
}
