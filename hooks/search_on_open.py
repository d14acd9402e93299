"""Load search when the reader first opens it, not with every page.

Material's bundle starts its search worker (12 KB gzip) and fetches the search
index (11 KB) on every page load over http, and does both only on the first
opening of search when a page is read from file://. A first visit to a chapter
paid 23 KB for a search box most readers never open. This hook publishes the
theme's bundle with three changes, each to code that the installed Material
(9.8.x) minifies as written in PATCHES:

- setupSearchWorker takes the file:// path everywhere: the index is fetched
  when the search toggle first turns on (a click, a focus, "/" or "s", or a
  ?q= link, which turns it on itself);
- the search highlighter (feature search.highlight) asks for the index only
  when the URL carries ?h=, the only case in which it uses it;
- the worker is started at its first message, the index that the first
  opening sends, instead of when the bundle runs.

Nothing else changes: the same worker, index and results. If an upgrade of
Material changes any of this code, the build stops and says which change no
longer applies (each must match exactly once), so the hook never ships a
bundle it has not understood. The bundle keeps its name: the pages load it by
the name Material's template writes. The CSP is unaffected (the bundle is a
file of the site's own origin, and no inline code is added).
"""

import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")

# A stand-in for the Worker, with the same postMessage and "message" events: the
# real one is made at the first postMessage. {url} is the worker's URL.
LAZY_WORKER = ("(()=>{{let w,q=new EventTarget;q.postMessage=m=>{{w||(w=new Worker({url}),"
               "w.onmessage=v=>q.dispatchEvent(new MessageEvent(\"message\",{{data:v.data}})));"
               "w.postMessage(m)}};return q}})()")

# (what it does, the minified code, its replacement); groups are the minifier's names.
PATCHES = [
    ("setupSearchWorker: the index on the first opening of search, over http too",
     re.compile(r'(\w+)\(\$\(location\.protocol!=="file:"\),(\w+)\("search"\)\)'
                r'\.pipe\((\w+)\(o=>o\),(\w+)\(\(\)=>t\)\)'),
     r'\1($(!1),\2("search")).pipe(\3(o=>o),\4(()=>t))'),
    ("search highlighter: the index only for a URL with ?h=",
     re.compile(r'(function \w+\(e,\{index\$:t,location\$:r\}\)\{)return (\w+)\(\[t,'
                r'(r\.pipe\(\w+\(\w+\(\)\),\w+\(o=>!!o\.searchParams\.get\("h"\)\)\))\]\)'),
     None),  # filled in by patched(): it needs the names that the first patch matched
    ("watchWorker: the worker made at its first message",
     re.compile(r"function (\w+)\(e,t=new Worker\(e\)\)"),
     r"function \1(e,t=" + LAZY_WORKER.format(url="e").replace("\\", "\\\\") + ")"),
]


def patched(bundle, where):
    """bundle with every patch applied; PluginError naming any that does not match
    exactly once."""
    first = PATCHES[0][1].search(bundle)
    names = {"first": first[3], "switch": first[4]} if first else {}
    for what, code, replacement in PATCHES:
        found = code.findall(bundle)
        if len(found) != 1:
            raise PluginError(
                f"hooks/search_on_open.py: {where} has {len(found)} matches, not 1, for "
                f"'{what}' ({code.pattern}). Material's bundle changed (an upgrade?): "
                "read its search code again and update PATCHES, or drop the hook "
                "from mkdocs.yml to ship the bundle as it is.")
        if replacement is None:
            # The index, through first() and switchMap, once a URL with ?h= is seen;
            # combineLatest asked for it at once.
            replacement = (r"\1let h$=\3;return \2([h$.pipe({first}(o=>o),{switch}(()=>t)),h$])"
                           .format(**names))
        bundle = code.sub(replacement, bundle)
    return bundle


def on_files(files, config):
    theirs = [f for f in files if BUNDLE.fullmatch(f.dest_uri)]
    if len(theirs) != 1:
        raise PluginError(f"hooks/search_on_open.py: {len(theirs)} files match "
                          f"{BUNDLE.pattern}, not 1: Material's bundle moved?")
    bundle = theirs[0]
    with open(bundle.abs_src_path, encoding="utf-8") as source:
        content = patched(source.read(), bundle.dest_uri)
    files.remove(bundle)
    files.append(File.generated(config, bundle.src_uri, content=content))
    return files
