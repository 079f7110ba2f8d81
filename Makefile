# Thin entry points; each target is a script in scripts/ so it also works without make.
.PHONY: book test test-fast serve lab instructor course bench lint lock

book:        ## build the student site into _build/html
	bash scripts/build_book.sh

test:        ## install, build the book, run the whole test suite
	bash scripts/test.sh

test-fast:   ## the edit loop: no browser, no book build, in parallel (6 min on the shared 2-core machine: docs/benchmarks/setup.md)
	bash scripts/setup.sh dev && bash -c 'source scripts/data_env.sh && .venv/bin/python -m pytest -m "not browser and not book and not slow" -n 2 -q'

serve:       ## serve the built site on http://127.0.0.1:8000
	.venv/bin/python -m http.server 8000 --bind 127.0.0.1 --directory _build/html

lab:         ## open the chapters and exercises in JupyterLab
	bash scripts/setup.sh dev && bash -c 'source scripts/data_env.sh && .venv/bin/jupyter lab --ip 127.0.0.1'

instructor:  ## build the instructor edition into _build/instructor/html
	bash scripts/setup.sh book && bash scripts/build_instructor_edition.sh

course:      ## what grading needs and nothing more: .venv with nbgrader and the autograder (no browser, no book)
	GLOBALSOURCING_NO_NPM=1 bash scripts/setup.sh instructor

bench:       ## run the benchmark scripts (figures go to docs/benchmarks/)
	bash scripts/setup.sh dev && bash -c 'source scripts/data_env.sh && for b in benchmarks/bench_*.py; do echo "== $$b"; .venv/bin/python $$b; done'

lock:        ## re-resolve requirements.lock after a change to the ranges in pyproject.toml
	bash scripts/lock.sh

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .
