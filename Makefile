.PHONY: check lint test golden docs screenshot
check: lint test docs
lint:
	ruff check src tests
	ruff format --check src tests
	mypy
test:
	python -m pytest
golden:
	python -m pytest --update-golden
docs:
	python scripts/docs.py build/docs
screenshot:
	SOURCE_DATE_EPOCH=1796083200 dgcompare brief uk au ca -o build/briefing.html --force
	python scripts/screenshot.py build/briefing.html docs/briefing.png --width 1200 --height 1100 --viewport
