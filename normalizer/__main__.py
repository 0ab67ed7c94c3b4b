"""``python -m normalizer`` is the same as ``newsnorm``."""

from normalizer.cli import main

main()
