"""Entry point of the PyInstaller bundle: the same as the `loosstory` console script."""

from loosstory.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
