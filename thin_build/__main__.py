"""`python -m thin_build` runs the `thin` command."""
from .cli import main

main()
