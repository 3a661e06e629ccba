# taizhang — two commands: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PYTHON ?= python3
SYSDEPS := chromium fonts-noto-cjk fonts-arphic-gkai00mp fonts-liberation2 fontconfig libreoffice-writer libreoffice-calc poppler-utils redis-server

.PHONY: demo test venv site-venv sysdeps lint fmt serve bench clean

# site-venv: only what the site needs to run (`make demo`, `make serve`).
site-venv: $(VENV)/.site-installed

$(VENV)/.site-installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

# venv: the site plus the test tools (pytest, Playwright, ruff …) for `make test`.
venv: $(VENV)/.installed

$(VENV)/.installed: $(VENV)/.site-installed
	$(PY) -m pip install -q -e '.[test]'
	touch $@

# Debian packages the test suite needs (browser, CJK fonts, LibreOffice, pdftotext, Redis).
sysdeps:
	@missing=""; for p in $(SYSDEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@# GB/T 9704 font names (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体) to the CJK SC fonts.
	@conf=src/taizhang/writer/data/fonts-gbt9704.conf; dest=/etc/fonts/conf.d/65-taizhang-gbt9704.conf; \
	if ! cmp -s $$conf $$dest; then \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO install -m 644 $$conf $$dest && fc-cache >/dev/null; \
	fi

demo: site-venv
	$(BIN)/taizhang demo
	$(BIN)/taizhang serve

serve: site-venv
	$(BIN)/taizhang serve

test: venv sysdeps
	$(BIN)/pytest -n 2

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

fmt: venv
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: venv
	for f in bench/*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) var build *.egg-info
