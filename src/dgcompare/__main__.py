"""``python -m dgcompare``."""

if __name__ == "__main__":
    from dgcompare.entry import main

    main()
