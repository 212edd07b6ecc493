.PHONY: check lint test golden
check: lint test
lint:
	ruff check src tests
	ruff format --check src tests
	mypy
test:
	python -m pytest
golden:
	python -m pytest --update-golden
