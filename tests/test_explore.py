"""The explorer page (issue 20): its data against presslens's own analyses, its escaping
and policy, and the page itself driven in real headless Chromium over the Chrome DevTools
Protocol (typing, clicking, filtering), with corpus text that tries to run script."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import urllib.request

import numpy as np
import pandas as pd
import pytest

from presslens import compare
from presslens.explore import (
    build_explorer,
    comparison_pair,
    content_security_policy,
    explorer_data,
    json_for_html,
    render_explorer,
    sample_articles,
    script_hash,
)
from presslens.text import clean

PAYLOAD = "Hunters <script>document.title='INJECTED'</script> & police <img src=x onerror=\"document.title='INJECTED'\">"


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """300 simulated articles and one whose headline, outlet and text carry script."""
    from presslens.corpus import load
    from presslens.simulate import simulate

    folder = tmp_path_factory.mktemp("explore_corpus")
    simulate(n=300, seed=11, out=folder, progress=False)
    corpus = load(folder).corpus
    evil = corpus.iloc[0].copy()
    evil["doc_id"] = "evil-1"
    evil["headline"] = PAYLOAD
    evil["outlet"] = "The <b>Bold</b> Post"
    # cleaning strips tags from the text but decodes entities: the text analysed holds a <script> element
    evil["text"] = ("Police said the group's \"sting\" was &lt;script&gt;alert(1)&lt;/script&gt; unhelpful, a police spokesperson said.\n\n"
                    + evil["text"])
    corpus = pd.concat([corpus, evil.to_frame().T], ignore_index=True)
    corpus["published"] = pd.to_datetime(corpus["published"], utc=True)
    corpus.attrs["pseudonymised"] = True  # fictional names: keep the test fast and the text as written
    return corpus


@pytest.fixture(scope="module")
def page(small_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("explore_page")
    path = build_explorer(small_corpus, out, k=5, progress=False)
    return path


# ---------------------------------------------------------------- without a browser

def test_json_for_html_cannot_close_the_element():
    text = json_for_html({"a": "</script><!-- \u2028 & <img>"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- \u2028 & <img>"}


def test_sample_articles_keeps_within_its_budgets():
    lengths = np.arange(1, 1001)
    points, reading = sample_articles(1000, 200, lengths, 5_000, random_state=4)
    assert len(points) == 200 and len(set(points)) == 200 and (np.diff(points) > 0).all()
    assert lengths[points][reading].sum() <= 5_000 and 0 < len(reading) < 200
    again = sample_articles(1000, 200, lengths, 5_000, random_state=4)
    assert (again[0] == points).all() and (again[1] == reading).all()
    everything = sample_articles(50, 200, np.ones(50), 10**6)
    assert len(everything[0]) == len(everything[1]) == 50


def test_comparison_pair_errors_name_the_column():
    with pytest.raises(ValueError, match="no column 'section'"):
        comparison_pair(pd.DataFrame({"outlet": ["a"]}), "section")
    with pytest.raises(ValueError, match="1 value"):
        comparison_pair(pd.DataFrame({"outlet": ["a", "a"]}), "outlet")


def test_page_policy_allows_only_its_own_script(page):
    text = page.read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", text, flags=re.S)
    assert len(scripts) == 1  # one executable script; the data is an application/json block
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1).replace("&#x27;", "'")
    assert policy == content_security_policy(scripts[0])
    assert f"script-src {script_hash(scripts[0])};" in policy and "default-src 'none'" in policy
    assert "unsafe-eval" not in policy and "http" not in policy.replace("http-equiv", "")
    assert "<script>document.title" not in text and "<img src=x" not in text and "<b>Bold" not in text
    assert "innerHTML" not in scripts[0] and "eval(" not in scripts[0] and "new Function" not in scripts[0]


def test_data_matches_presslens_analyses(small_corpus):
    data = explorer_data(small_corpus, k=5, progress=False)
    cleaned = clean(small_corpus, progress=False).corpus
    words = compare.fightin_words(cleaned, "tabloid", "broadsheet").sort_values("term")
    assert data["terms"]["term"] == words["term"].tolist()  # every term of the Fightin' Words table
    assert data["terms"]["a"] == words["n_a"].tolist() and data["terms"]["b"] == words["n_b"].tolist()
    # z over the listed terms, as the page recomputes it under filters (empirical prior, capped)
    listed = compare.fightin_words_counts(words["n_a"], words["n_b"], prior="empirical")
    np.testing.assert_allclose(data["terms"]["z"], listed["z"], atol=1e-4)
    assert np.corrcoef(data["terms"]["z"], words["z"])[0, 1] > 0.99  # and it tells the same story as the full table
    meta = data["meta"]
    assert meta["articles"] == meta["points"] == meta["reading"] == len(small_corpus) and not meta["sampled"]
    assert set(data["points"]["doc"]) == set(small_corpus["doc_id"])
    reading = [data["reading"][r] for r in data["points"]["read"]]
    texts = dict(zip(cleaned["doc_id"], cleaned["text"], strict=True))
    for doc_id, article in zip(data["points"]["doc"], reading, strict=True):
        assert article["text"] == texts[doc_id]
        for start, end, *_ in article["quotes"]:
            assert 0 <= start < end <= len(article["text"])


def test_large_corpus_is_sampled_and_says_so(small_corpus):
    data = explorer_data(small_corpus, k=5, progress=False, max_points=100, text_budget=40_000)
    meta = data["meta"]
    assert meta["sampled"] and meta["text_sampled"] and meta["points"] == 100 == len(data["points"]["x"])
    assert len(data["terms"]["term"]) == len(explorer_data(small_corpus, k=5, progress=False)["terms"]["term"])  # every term kept
    assert sum(len(article["text"]) for article in data["reading"]) <= 40_000
    assert sum(r >= 0 for r in data["points"]["read"]) == meta["reading"] == len(data["reading"])


def test_a_clustering_of_other_articles_is_refused(small_corpus):
    from presslens.cluster import cluster_corpus

    other = cluster_corpus(small_corpus.iloc[:150], k=3, progress=False)
    with pytest.raises(ValueError, match="doc_id values differ"):
        explorer_data(small_corpus, clustering=other, progress=False)


def test_render_escapes_meta():
    text = render_explorer({"meta": {"note": "</script><script>alert(1)</script>"}}, title="<i>t</i>")
    assert "<script>alert(1)" not in text and "<title>&lt;i&gt;t&lt;/i&gt;</title>" in text


# ---------------------------------------------------------------- in headless Chromium

def chromium_binary():
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _websocket():
    try:
        import websocket
    except ImportError:
        return None
    return websocket


class Browser:
    """Headless Chromium driven over the Chrome DevTools Protocol: navigate, evaluate,
    type, click, and collect console messages, exceptions and security-policy reports."""

    def __init__(self, tmp_path):
        profile = tmp_path / "chromium-profile"
        self.process = subprocess.Popen(
            [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--disable-extensions", f"--user-data-dir={profile}",
             "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=1400,1000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "HOME": str(tmp_path)})
        port_file, deadline = profile / "DevToolsActivePort", time.time() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.time() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError("Chromium did not open its DevTools port")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30))
        target = next(t for t in targets if t["type"] == "page")
        self.socket = _websocket().create_connection(target["webSocketDebuggerUrl"], timeout=60)
        self.counter, self.events = 0, []
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")

    def send(self, method, **params):
        self.counter += 1
        self.socket.send(json.dumps({"id": self.counter, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.counter:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, event, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, message in enumerate(self.events):
                if message.get("method") == event:
                    return self.events.pop(i)
            self.events.append(json.loads(self.socket.recv()))
        raise TimeoutError(event)

    def open(self, path):
        self.events.clear()
        self.send("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, x, y):
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def click_element(self, selector):
        box = self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView({{block: 'center'}});"
                            " const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        self.click(*box)

    def type_into(self, selector, text):
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.send("Input.insertText", text=text)

    def problems(self):
        """Console errors and warnings, uncaught exceptions and log errors (policy violations among them)."""
        self.send("Runtime.evaluate", expression="0")  # flush pending events
        found = []
        for message in self.events:
            method, params = message.get("method"), message.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                found.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                found.append(str(params.get("exceptionDetails", {}).get("exception", {}).get("description", params)))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                found.append(params["entry"].get("text", ""))
        return found

    def close(self):
        if getattr(self, "socket", None) is not None:
            self.socket.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


needs_chromium = pytest.mark.skipif(chromium_binary() is None or _websocket() is None,
                                    reason="needs Debian's chromium (apt-get install chromium; see tools/ensure_chromium.sh) "
                                           "and the websocket-client package (pip install -e .[dev]) to drive it")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium = Browser(tmp_path_factory.mktemp("chromium"))
    yield chromium
    chromium.close()


@needs_chromium
def test_the_harness_sees_errors_and_script(browser, tmp_path):
    control = tmp_path / "control.html"
    control.write_text("<!DOCTYPE html><html><head><title>clean</title></head><body>"
                       "<script>console.error('presslens-probe'); document.title = 'RAN';</script></body></html>", encoding="utf-8")
    browser.open(control)
    assert browser.evaluate("document.title") == "RAN"
    assert any("presslens-probe" in line for line in browser.problems())
    blocked = tmp_path / "blocked.html"
    blocked.write_text("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
                       "<title>clean</title></head><body><script>document.title = 'RAN'</script></body></html>", encoding="utf-8")
    browser.open(blocked)
    assert browser.evaluate("document.title") == "clean"
    assert any("Content Security Policy" in line for line in browser.problems())


@needs_chromium
def test_page_loads_offline_without_errors_and_recounts_like_presslens(browser, page, small_corpus):
    browser.open(page)
    assert browser.problems() == []
    assert browser.evaluate("document.title") == "presslens explorer"
    data = json.loads(browser.evaluate("document.getElementById('explorer-data').textContent"))
    counts = browser.evaluate("window.presslensExplorer.embeddedCounts()")
    # the page's own tokenising of the embedded texts gives presslens's counts and z
    assert counts["a"] == data["terms"]["a"] and counts["b"] == data["terms"]["b"]
    np.testing.assert_allclose(counts["z"], data["terms"]["z"], atol=2e-4)
    assert int(browser.evaluate("document.getElementById('map-count').dataset.visible")) == len(small_corpus)
    assert "all 301 articles" in browser.evaluate("document.getElementById('sampling').textContent")


@needs_chromium
def test_typing_a_term_and_clicking_it_lists_its_kwic_lines(browser, page, small_corpus):
    browser.open(page)
    browser.type_into("#term-search", "vigilant")
    buttons = browser.evaluate("Array.from(document.querySelectorAll('#term-matches button')).map(b => b.dataset.term)")
    assert buttons and all("vigilant" in term for term in buttons)
    term = buttons[0]
    browser.click_element(f"#term-matches button[data-term='{term}']")
    rows = browser.evaluate("Array.from(document.querySelectorAll('#kwic-lines tr')).map(r => Array.from(r.cells).map(c => c.textContent))")
    cleaned = clean(small_corpus, progress=False).corpus  # what the page shows: the text as analysed
    expected = compare.kwic(cleaned, term)
    assert len(rows) == min(len(expected), 200) > 0
    headlines = dict(zip(small_corpus["doc_id"], small_corpus["headline"], strict=True))  # headlines as published
    for row, line in zip(rows, expected.itertuples(), strict=False):
        assert row[0] == headlines[line.doc_id] and row[1] == line.outlet and row[3:] == [line.left, line.match, line.right]
        assert row[2] == pd.Timestamp(line.published).strftime("%Y-%m-%d")
    assert term in browser.evaluate("document.getElementById('kwic-title').textContent")
    assert browser.problems() == []


@needs_chromium
def test_filters_change_the_points_and_the_term_counts(browser, page):
    browser.open(page)
    data = json.loads(browser.evaluate("document.getElementById('explorer-data').textContent"))
    total = len(data["points"]["x"])
    first_cluster = data["clusters"][0]["id"]
    browser.click_element(f"#cluster-filter input[value='{first_cluster}']")
    visible = int(browser.evaluate("document.getElementById('map-count').dataset.visible"))
    assert visible == total - data["points"]["cluster"].count(first_cluster) < total
    assert "Filtered" in browser.evaluate("document.getElementById('terms-note').textContent")
    browser.evaluate("(() => { const s = document.getElementById('year-from'); s.value = s.options[s.options.length - 1].value;"
                     " s.dispatchEvent(new Event('change')); })()")
    last = max(data["points"]["year"])
    expected = sum(1 for y, c in zip(data["points"]["year"], data["points"]["cluster"], strict=True) if y == last and c != first_cluster)
    assert int(browser.evaluate("document.getElementById('map-count').dataset.visible")) == expected
    browser.click_element("#reset")
    assert int(browser.evaluate("document.getElementById('map-count').dataset.visible")) == total
    assert browser.problems() == []


@needs_chromium
def test_script_in_an_article_is_shown_as_text(browser, page):
    browser.open(page)
    position = browser.evaluate("window.presslensExplorer.pointPosition('evil-1')")
    browser.evaluate("document.getElementById('article-map').scrollIntoView()")
    position = browser.evaluate("window.presslensExplorer.pointPosition('evil-1')")
    browser.click(*position)
    headline = browser.evaluate("document.querySelector('#article h3').textContent")
    # another article may sit on the same pixel: then open it through its KWIC line instead
    if headline != PAYLOAD:
        browser.type_into("#term-search", "spokesperson")
        browser.click_element("#term-matches button[data-term='spokesperson']")
        browser.click_element("#kwic-lines button")
        browser.evaluate("(() => { const b = Array.from(document.querySelectorAll('#kwic-lines button')).find(x => x.textContent.includes('INJECTED'));"
                         " b.click(); })()")
        headline = browser.evaluate("document.querySelector('#article h3').textContent")
    assert headline == PAYLOAD
    article = browser.evaluate("document.getElementById('article').textContent")
    assert "was <script>alert(1)</script> unhelpful" in article and "The <b>Bold</b> Post" in article
    assert browser.evaluate("document.title") == "presslens explorer"
    assert browser.evaluate("document.querySelectorAll('script').length") == 2  # the data block and the page's script
    assert browser.evaluate("document.querySelectorAll('img, b, iframe').length") == 0
    browser.send("Input.dispatchMouseEvent", type="mouseMoved", x=position[0], y=position[1])
    assert browser.evaluate("document.getElementById('map-tip').hidden") is False
    assert browser.problems() == []


@needs_chromium
def test_a_sampled_page_says_what_it_sampled(browser, small_corpus, tmp_path):
    path = build_explorer(small_corpus, tmp_path, k=5, progress=False, max_points=120, text_budget=30_000)
    browser.open(path)
    sampling = browser.evaluate("document.getElementById('sampling').textContent")
    assert "random sample of 120 of the 301 articles" in sampling and "text, frames, quotes and claims of" in sampling
    assert int(browser.evaluate("document.getElementById('map-count').dataset.visible")) == 120
    assert browser.problems() == []


def test_cli_explore_writes_a_pseudonymised_page(tmp_path, capsys):
    from presslens.cli import main
    from presslens.report import open_corpus
    from presslens.simulate import simulate

    simulate(n=150, seed=5, out=tmp_path / "corpus", progress=False)
    assert main(["explore", "--corpus", str(tmp_path / "corpus"), "--out", str(tmp_path / "out"), "--k", "4"]) == 0
    page = tmp_path / "out" / "explore.html"
    assert f"Explorer written to {page}" in capsys.readouterr().out
    text = page.read_text(encoding="utf-8")
    mapping = open_corpus(tmp_path / "corpus").mapping
    assert len(mapping) > 0
    leaked = [name for name in mapping["name"] if name in text]
    assert leaked == [], f"private names in the page: {leaked[:5]}"
    assert '"pseudonymised":true' in text


def test_a_table_without_a_record_is_pseudonymised_and_an_opt_out_is_kept(tmp_path):
    from presslens.corpus import load
    from presslens.privacy import pseudonymise_corpus
    from presslens.simulate import simulate

    simulate(n=120, seed=8, out=tmp_path / "corpus", progress=False)
    corpus = load(tmp_path / "corpus").corpus
    replaced, mapping, _ = pseudonymise_corpus(corpus)
    # the names presslens.privacy replaces in the text (written as in the text, apostrophes included)
    before, after = " ".join(corpus["text"]), " ".join(replaced["text"])
    names = [name for name in mapping["name"] if name in before and name not in after]
    assert names
    text = build_explorer(corpus, tmp_path / "default", k=3, progress=False).read_text(encoding="utf-8")
    assert [name for name in names if name in text] == [] and '"pseudonymised":true' in text
    corpus.attrs["pseudonymised"] = False  # as open_corpus(pseudonymise=False) records an explicit opt-out
    text = build_explorer(corpus, tmp_path / "opted_out", k=3, progress=False).read_text(encoding="utf-8")
    assert any(name in text for name in names) and '"pseudonymised":false' in text
