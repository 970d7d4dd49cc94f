// The Swedish search analyser on its own (content/assets/search/analyser.js), under node's test
// runner, with the stemmer and stop words Material ships. Run by tests/test_search_analyser.py:
//   MATERIAL_LUNR=<material>/templates/assets/javascripts/lunr/min node --test tests/js/
"use strict"
const test = require("node:test")
const assert = require("node:assert/strict")
const fs = require("node:fs")
const path = require("node:path")
const vm = require("node:vm")

const analyserFile = path.join(__dirname, "..", "..", "content", "assets", "search", "analyser.js")
const {
  lunrShim, tokenize, words: wordsOf, createAnalyser, createSplitter, withinOneEdit, typoCandidates, highlight, fold,
  buildPostings, encodePostings, decodePostings
} = require(analyserFile)

// Material's lunr-languages files, loaded as the worker loads them: on a global `lunr`.
const sandbox = { lunr: lunrShim() }
vm.createContext(sandbox)
for (const file of ["lunr.stemmer.support.min.js", "lunr.sv.min.js"])
  vm.runInContext(fs.readFileSync(path.join(process.env.MATERIAL_LUNR, file), "utf8"), sandbox)
const analyser = createAnalyser(sandbox.lunr.sv.stemmer, sandbox.lunr.sv.stopWordFilter.words)

const keysOf = word => new Set(analyser.keys(word).map(([key]) => key))
const meet = (a, b) => [...keysOf(a)].some(key => keysOf(b).has(key))
const textKeys = text => new Set(tokenize(text).flatMap(token => analyser.keys(token.text).map(([key]) => key)))

test("inflected forms meet their base form", () => {
  for (const [a, b] of [
    ["utvärderingen", "utvärdering"], ["nämndernas", "nämnd"], ["folkhälsan", "folkhälsa"],
    ["strategin", "strategi"], ["skogsprogrammet", "skogsprogram"], ["relationer", "relation"],
    ["mötesstrukturen", "mötesstruktur"], ["landshövdingen", "landshövding"]
  ])
    assert.ok(meet(a, b), `${a} ~ ${b}`)
  assert.ok(!meet("skog", "skola"))
})

test("å, ä and ö are folded", () => {
  assert.equal(fold("Länsstyrelsen överenskommelse"), "Lansstyrelsen overenskommelse")
  assert.ok(meet("landshovding", "landshövding"))
  assert.ok(meet("bystrom", "byström"))
  assert.ok(meet("jamtlands", "Jämtland".toLowerCase()))
})

test("stop words have no keys", () => {
  for (const word of ["i", "och", "för", "mellan", "om"])
    assert.deepEqual(analyser.keys(word), [])
  assert.ok(analyser.isStopWord("och"))
})

test("tokens lose their punctuation but case numbers keep theirs", () => {
  const words = text => tokenize(text).map(token => token.text)
  assert.deepEqual(words("”handslag” (RS/482/2018). Byström,"), ["handslag", "rs/482/2018", "byström"])
  assert.deepEqual(words("Digitalisering/bredband, miljö- och energifrågor"), ["digitalisering", "bredband", "miljö", "och", "energifrågor"])
  assert.deepEqual(words("Återstart covid-19, 2022–2024"), ["återstart", "covid-19", "2022", "2024"])
  const [token] = tokenize("  (RS 2022/1483)").slice(1)
  assert.deepEqual([token.start, token.end], [6, 15])
})

test("the index's fast tokens are the same as the query's", () => {
  const text = "Överenskommelse om samverkan (RS/482/2018), Digitalisering/bredband, bl.a. miljö- och ”handslag” 2022–2024 covid-19 HR-direktör"
  assert.deepEqual(wordsOf(text), tokenize(text).map(token => token.text))
})

test("a case number is found in four spellings", () => {
  const text = textKeys("Det nu gällande samverkansavtalet slöts i februari 2018 (RS/482/2018).")
  for (const query of ["RS/482/2018", "RS 482/2018", "482/2018", "rs4822018"]) {
    const terms = tokenize(query).map(token => analyser.keys(token.text).map(([key]) => key))
    assert.ok(terms.every(keys => keys.some(key => text.has(key))), query)
  }
})

test("compounds split into words the site uses", () => {
  const known = textKeys("folkhälsa arbete klimat strategi skog program")
  const split = createSplitter(analyser, known)
  assert.deepEqual(split("folkhälsoarbete"), ["folkhäls", "arbete"])  // the linking o is dropped
  assert.deepEqual(split("klimatstrategi"), ["klimat", "strategi"])
  assert.deepEqual(split("skogsprogram"), ["skogs", "program"])  // "skogs" stems to skog
  assert.deepEqual(split("samverkan"), [])
})

test("a typo is one edit, for words of five letters or more", () => {
  assert.ok(withinOneEdit("folkhalsa", "folkhalsa"))
  assert.ok(withinOneEdit("folkhlsa", "folkhalsa"))
  assert.ok(withinOneEdit("folkhaksa", "folkhalsa"))
  assert.ok(withinOneEdit("folkhalssa", "folkhalsa"))
  assert.ok(!withinOneEdit("fokhlsa", "folkhalsa"))
  assert.deepEqual(typoCandidates("landshövdnig", ["landshövding", "landshövdingen"]), [])
  assert.deepEqual(typoCandidates("landshovdng", ["landshövding", "landshövdingen"]), ["landshövding"])
  assert.deepEqual(typoCandidates("skgo", ["skog"]), [])
})

test("excerpts are escaped and mark the matched words", () => {
  const html = highlight("Texten <script>alert(1)</script> om folkhälsan", word => word === "folkhälsan")
  assert.equal(html, "Texten &lt;script&gt;alert(1)&lt;/script&gt; om <mark>folkhälsan</mark>")
  const long = Array.from({ length: 100 }, (_, i) => `ord${i}`).join(" ") + " mål " + "slut ".repeat(50)
  const cut = highlight(long, word => word === "mål", 24)
  assert.ok(cut.startsWith("… ") && cut.endsWith(" …") && cut.includes("<mark>mål</mark>"), cut)
  assert.ok(cut.split(" ").length < 32)
})

test("the index built at build time is the one the worker would build", () => {
  const pages = [["Intern samverkansstruktur, Region Gotland", "Intern samverkansstruktur · Förslag"], ["Folkhälsa", ""]]
  const sections = [["Bakgrund", "Strukturen utvärderas (RS 2022/1483)."], ["Syften", "Folkhälsan i länet."]]
  const built = buildPostings(analyser, pages, sections)
  const gotland = built.postings.get("gotland")
  assert.deepEqual(gotland, [0, 6])  // page 0's title section, at the title's weight
  assert.deepEqual(built.postings.get("20221483"), [2, 1])  // the first section after the two title sections
  assert.ok(built.vocabulary.includes("folkhälsan"))
  const decoded = decodePostings(JSON.parse(JSON.stringify(encodePostings(built))))
  assert.deepEqual([...decoded.postings], [...built.postings])
  assert.deepEqual(decoded.vocabulary, built.vocabulary)
})
