"""``python -m dgcompare``."""

if __name__ == "__main__":
    from dgcompare.cli import main

    main()
