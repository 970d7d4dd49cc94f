/*
 * Samverkansportalen's search worker. It takes the place of Material's own worker (main.html
 * points Material's search box at it) and speaks the same messages, so the box, its keyboard
 * behaviour and its result list are Material's. What differs is the search itself:
 *
 * - one Swedish analyser (analyser.js) for the index and for queries, with Material's shipped
 *   Snowball stemmer and stop words;
 * - every query word must match (stop words aside); a word that is not on the site is tried as a
 *   compound of site words and with one typo, and only when all that fails are pages shown with
 *   the word missing;
 * - each hit shows its title with the record's lead line, and an excerpt with the matched words
 *   marked, taken from the sections where they occur, linked to those sections.
 *
 * The index is written at build time by hooks/samverkan/site/search.py, in search/:
 * samverkan_index.json holds pages [url, title, lead, tier, boost] and sections [page, label],
 * each label an [anchor, heading] pair; samverkan_postings.json the inverted index, built under
 * node with analyser.js; samverkan_text_N.json the sections' texts, in shards that are fetched
 * when a hit's excerpt needs them.
 */
/* global importScripts, SamverkanAnalyser */
"use strict"

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

// Material's lunr-languages files register the Swedish stemmer and stop words on a global `lunr`;
// Material ships them, so the site serves them itself.
importScripts("analyser.js")
self.lunr = SamverkanAnalyser.lunrShim()
importScripts("../javascripts/lunr/min/lunr.stemmer.support.min.js", "../javascripts/lunr/min/lunr.sv.min.js")

const { tokenize, createAnalyser, buildPostings, decodePostings, createSplitter, typoCandidates, highlight, escapeHTML } = SamverkanAnalyser
const analyser = createAnalyser(self.lunr.sv.stemmer, self.lunr.sv.stopWordFilter.words)

const FORMAT = 1            /* the index format this worker reads (site/search.py) */
const PART = 0.5            /* a part of a compound, on either side */
const PREFIX = 0.6          /* the word being typed, as the start of a longer word */
const TYPO = 0.4            /* a word one edit away */
const EXCERPT_WORDS = 24
const SECTIONS_SHOWN = 2
const EXCERPTS = 60         /* results that get excerpts; later ones show the lead line only */

let index

/** Fetches a file of the site's search/ folder, next to Material's index. */
function fetchJSON(name) {
  return fetch(new URL(`../../search/${name}`, self.location.href)).then(response => {
    if (!response.ok)
      throw new Error(`${name}: ${response.status}`)
    return response.json()
  })
}

// Fetched as soon as the worker starts, not parsed on the page and copied over. The inverted index
// is built at build time; a site built without node has none, and the worker builds it here.
const indexFile = fetchJSON("samverkan_index.json")
const postingsFile = fetchJSON("samverkan_postings.json").catch(() => null)
const shards = new Map()

/** The texts of shard n, fetched once, when a hit first needs one of them; a failed fetch is
 * forgotten, to be tried again by the next query. */
function shard(n) {
  if (!shards.has(n))
    shards.set(n, fetchJSON(`samverkan_text_${n}.json?v=${index ? index.version : ""}`).catch(error => {
      shards.delete(n)
      throw error
    }))
  return shards.get(n)
}

function shardOf(section) {
  const starts = index.shards
  let n = starts.length - 1
  while (starts[n] > section)
    n--
  return n
}

/** The text of a section (not a page's title section), once its shard is loaded; undefined if
 * the shard cannot be fetched: the hit is then shown without that excerpt. */
async function textOf(section) {
  const real = section - index.pages.length
  const n = shardOf(real)
  try {
    return (await shard(n))[real - index.shards[n]]
  } catch (error) {
    console.warn("Sökindexets text kunde inte hämtas", error)
    return undefined
  }
}

async function setup() {
  const { format, version, pages, sections: labelled, labels, shards: starts } = await indexFile
  if (format !== FORMAT)
    throw new Error(`sökindexet har format ${format}, arbetaren läser ${FORMAT}`)
  index = { version }
  const sections = labelled.map(([page, label]) => [page, ...labels[label]])
  let built = await postingsFile
  if (built && built.version === version) {
    built = decodePostings(built)
  } else {
    // No prebuilt index, or one from another build (a cache can mix the files of two builds).
    const texts = (await Promise.all(starts.map((_, n) => shard(n)))).flat()
    built = buildPostings(analyser, pages.map(([, title, lead]) => [title, lead]), sections.map(([, , heading], i) => [heading, texts[i]]))
  }
  // Section p is page p's title and lead line; the pages' sections follow: [page, anchor, heading].
  const all = [...pages.map((_, page) => [page, "", ""]), ...sections]
  return {
    version,
    pages,
    sections: all,
    shards: starts,
    postings: built.postings,
    keys: [...built.postings.keys()],
    vocabulary: built.vocabulary,
    // Compound query words are split into words the site uses: "klimatstrategi" → "klimat" + "strategi".
    split: createSplitter(analyser, new Set(built.postings.keys())),
    pageCount: new Map()
  }
}

/** Inverse document frequency of a key, by pages. */
function idf(key) {
  let pages = index.pageCount.get(key)
  if (pages === undefined) {
    const seen = new Set()
    const list = index.postings.get(key) || []
    for (let i = 0; i < list.length; i += 2)
      seen.add(index.sections[list[i]][0])
    index.pageCount.set(key, pages = seen.size)
  }
  return Math.log(1 + index.pages.length / (1 + pages))
}

/** Keys that start with a key, for the word being typed: binary search in the sorted vocabulary. */
function prefixKeys(word) {
  const found = new Map()
  const words = index.vocabulary
  let low = 0
  let high = words.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (words[mid] < word) low = mid + 1
    else high = mid
  }
  for (let i = low; i < words.length && words[i].startsWith(word) && found.size < 200; i++)
    for (const [key, weight] of analyser.keys(words[i]))
      if (weight === 1)  // the words themselves, not the parts of a case number
        found.set(key, Math.max(found.get(key) || 0, PREFIX))
  return found
}

/** Index keys that hold a key as one part of a compound: "hälsa" in "folkhälsa", "livsmedel" in
 * "livsmedelsstrategi". The rest must be a word's worth (three letters or more). */
function compoundKeys(key) {
  const found = new Map()
  if (key.length < 4 || /\d/.test(key))
    return found
  for (const other of index.keys)
    if (other.length - key.length >= 3 && (other.endsWith(key) || other.startsWith(key)))
      found.set(other, PART * rarity(key, other))
  return found
}

/**
 * A longer word is rarer than the word the reader typed, and its idf higher: without this, a
 * rare compound ("regionstyrelseförvaltningen") would outrank the very word typed ("region").
 * Scaling its weight gives it the idf of the typed word at most.
 */
function rarity(typed, other) {
  return index.postings.has(typed) ? Math.min(1, idf(typed) / idf(other)) : 1
}

/**
 * The ways a query word can match a page, each a list of key sets that must all match:
 * the word itself, as a part of compounds, and while typing as the start of a longer word; a
 * compound query word also by its parts; a word that matches nothing, with one typo.
 */
function termOptions(word, typing) {
  const own = new Map()
  // A case number found whole ("482/2018") is not also searched by its parts ("2018").
  const keys = analyser.keys(word).filter(([key]) => index.postings.has(key))
  const whole = keys.some(([, weight]) => weight === 1)
  for (const [key, weight] of analyser.keys(word)) {
    for (const [other, otherWeight] of compoundKeys(key))
      own.set(other, Math.max(own.get(other) || 0, otherWeight))
    if (index.postings.has(key) && (weight === 1 || !whole))
      own.set(key, weight)
  }
  if (typing && word.length >= 3) {
    const [typed] = analyser.keys(word)[0] || [word]
    for (const [key, weight] of prefixKeys(word))
      own.set(key, Math.max(own.get(key) || 0, weight * rarity(typed, key)))
  }
  const options = own.size ? [[own]] : []
  if (keys.length)
    return options
  // Not on the site as written: a compound of site words, or a typo of one.
  const parts = index.split(word)
  if (parts.length > 1)
    options.push(parts.map(part => new Map(analyser.keys(part).map(([key, weight]) => [key, weight * PART]))))
  const typos = new Map()
  for (const other of typoCandidates(word, index.vocabulary))
    for (const [key, weight] of analyser.keys(other))
      typos.set(key, weight * TYPO)
  if (typos.size)
    options.push([typos])
  options.typos = typos
  return options
}

/** The keys of the words the reader meant: the query's own, and the words one typo away. */
function meantKeys(terms) {
  const keys = new Set()
  for (const term of terms) {
    for (const [key] of analyser.keys(term.word))
      keys.add(key)
    for (const key of (term.options.typos || new Map()).keys())
      keys.add(key)
  }
  return keys
}

/** Score of each page for one set of keys, and of each section of it. */
function scoreKeys(keys) {
  const pages = new Map()
  for (const [key, keyWeight] of keys) {
    const list = index.postings.get(key)
    if (!list)
      continue
    const weight = keyWeight * idf(key)
    for (let i = 0; i < list.length; i += 2) {
      const section = list[i]
      const page = index.sections[section][0]
      const score = list[i + 1] * weight
      let hit = pages.get(page)
      if (!hit)
        pages.set(page, hit = { score: 0, sections: new Map() })
      hit.score = Math.max(hit.score, score)
      hit.sections.set(section, Math.max(hit.sections.get(section) || 0, score))
    }
  }
  return pages
}

/** Pages that match one query word, by its best option, with their scores. */
function scoreTerm(options) {
  const pages = new Map()
  for (const option of options) {
    const scored = option.map(scoreKeys)
    for (const [page, first] of scored[0]) {
      const hits = scored.map(found => found.get(page))
      if (hits.some(hit => !hit))
        continue
      const score = hits.reduce((sum, hit) => sum + hit.score, 0)
      if (score <= (pages.get(page)?.score || 0))
        continue
      const sections = new Map(first.sections)
      for (const hit of hits.slice(1))
        for (const [section, value] of hit.sections)
          sections.set(section, (sections.get(section) || 0) + value)
      pages.set(page, { score, sections })
    }
  }
  return pages
}

async function search(query) {
  const raw = tokenize(query)
  const typing = !/\s$/.test(query)
  let words = raw.map(token => token.text).filter(word => !analyser.isStopWord(word))
  if (!words.length)
    words = raw.map(token => token.text)
  words = [...new Set(words)]
  const terms = words.map((word, i) => {
    const options = termOptions(word, typing && i === words.length - 1)
    return { word, options, pages: scoreTerm(options) }
  })
  const candidates = new Map()
  for (const term of terms)
    for (const [page, hit] of term.pages) {
      let found = candidates.get(page)
      if (!found)
        candidates.set(page, found = { page, score: 0, matched: new Set(), sections: new Map() })
      found.score += hit.score
      found.matched.add(term.word)
      for (const [section, score] of hit.sections)
        found.sections.set(section, (found.sections.get(section) || 0) + score)
    }
  let results = [...candidates.values()].filter(found => found.matched.size === terms.length)
  if (!results.length)
    results = [...candidates.values()]  // no page has every word: show the best, with words missing
  const allKeys = new Set()
  for (const term of terms)
    for (const option of term.options)
      for (const keys of option)
        for (const key of keys.keys())
          allKeys.add(key)
  const isMatch = token => analyser.keys(token).some(([key]) => allKeys.has(key)) || partMatch(token, allKeys)
  // A title made of the words the reader typed ranks first: "Region Gotland" for "region gotland",
  // before "Regionstyrelsen i Region Gotland"; the more of the title, the higher.
  const meant = meantKeys(terms)
  for (const found of results) {
    const [, title, , , boost] = index.pages[found.page]
    const words = tokenize(title).filter(token => !analyser.isStopWord(token.text))
    const covered = words.filter(token => analyser.keys(token.text).some(([key]) => meant.has(key))).length
    found.score *= (boost || 1) * (found.matched.size / terms.length) * (1 + covered / Math.max(words.length, 1))
  }
  results.sort((a, b) => index.pages[a.page][3] - index.pages[b.page][3] || b.score - a.score)
  // The excerpts: the best sections of the first results, whose texts may have to be fetched.
  // Sections with a heading, which a hit can link to; the text before the first heading only when
  // no such section matched.
  for (const [rank, found] of results.entries()) {
    const matched = [...found.sections].filter(([section]) => section >= index.pages.length).sort((a, b) => b[1] - a[1])
    const headed = matched.filter(([section]) => index.sections[section][1])
    found.shown = rank < EXCERPTS ? (headed.length ? headed : matched).slice(0, SECTIONS_SHOWN).map(([section]) => section) : []
  }
  const texts = new Map()
  await Promise.all(results.flatMap(found => found.shown).map(async section => texts.set(section, await textOf(section))))
  return {
    items: results.map((found, rank) => item(found, rank, results.length, isMatch, terms, texts))
  }
}

/** A word whose compound parts match: "folkhälsan" is marked for "hälsa". */
function partMatch(token, keys) {
  if (token.length < 2 * 3)
    return false
  return index.split(token).some(part => analyser.keys(part).some(([key]) => keys.has(key)))
}

/** Material's result item: the page, then up to two sections with excerpts, best first. */
function item(found, rank, count, isMatch, terms, texts) {
  const [url, title, lead] = index.pages[found.page]
  const excerpts = rank < EXCERPTS
  const matched = {}  // Material strikes through the words a hit lacks
  for (const term of terms)
    matched[term.word] = found.matched.has(term.word)
  // Material's Enter key opens the hit with the highest score: the score follows the order shown,
  // in which tiers come first. The relevance is kept beside it.
  const score = count - rank
  const article = {
    location: url,
    title: `${highlight(title, isMatch)}${lead ? `<span class="samverkan-search-lead">${excerpts ? highlight(lead, isMatch) : escapeHTML(lead)}</span>` : ""}`,
    text: "",
    score,
    relevance: found.score,
    terms: matched
  }
  if (!excerpts)
    return [article]
  const sections = []
  for (const section of found.shown) {
    const [, anchor, heading] = index.sections[section]
    const text = texts.get(section)
    if (!text)
      continue
    const excerpt = highlight(text, isMatch, EXCERPT_WORDS)
    if (!anchor) {
      article.text = `<p>${excerpt}</p>`  // the text before the first heading: shown under the title
      continue
    }
    sections.push({ location: `${url}#${anchor}`, title: highlight(heading, isMatch), text: `<p>${excerpt}</p>`, score, terms: matched })
  }
  if (sections.length)
    article.text = ""  // Material shows the article's text only when no section is shown
  return [article, ...sections]
}

// Messages are handled one at a time, in order: an answer that waits for a text must not overtake
// the answer to a later query.
// A query that a newer one has overtaken while waiting is skipped: only the last one is shown.
let queue = Promise.resolve()
let latest = 0
addEventListener("message", ({ data: message }) => {
  const number = message.type === QUERY ? ++latest : 0
  queue = queue.then(() => handle(message, number)).catch(error => console.warn("Sökningen misslyckades", error))
})

async function handle(message, number) {
  switch (message.type) {
    case SETUP:
      try {
        index = await setup()
      } catch (error) {
        console.warn("Sökindexet kunde inte läsas", error)
        index = null  // the box still answers, with no hits, instead of waiting for ever
      }
      postMessage({ type: READY })
      break
    case QUERY:
      if (number !== latest)
        break
      try {
        postMessage({ type: RESULT, data: index ? await search(message.data) : { items: [] } })
      } catch (error) {
        console.warn("Sökningen misslyckades", error)
        postMessage({ type: RESULT, data: { items: [] } })
      }
      break
  }
}
