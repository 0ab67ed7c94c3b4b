"""The optional C speed-up of the search fold (``normalizer._fold``); the rest of the build is
declared in pyproject.toml. Without a C compiler the install goes on and ``normalizer.textfold``
folds in Python: the same results, slower."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("normalizer._fold", ["normalizer/_fold.c"], optional=True)])
