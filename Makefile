.PHONY: check lint test golden docs
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
