/*
 * Samverkansportalen's Swedish search analyser: the one set of rules that turns text into search
 * keys, used on the site's text when the search worker builds its index and on every query, so
 * that the two cannot drift apart.
 *
 * - Tokens: words, and case numbers kept whole ("RS/482/2018", "2022/1483", "covid-19").
 * - Stop words and the stemmer: the Swedish Snowball stemmer and stop words that Material ships
 *   (lunr-languages' lunr.sv), passed in by the caller.
 * - Folding: å, ä and ö are searched as a, a and o, so "landshovding" finds "landshövding".
 * - Definite forms the stemmer leaves alone ("folkhälsan", "strategin", "programmet") also get
 *   the key of the form without their ending, and a stem ending in a doubled consonant ("programm", from
 *   "programmet") also gets the key without it.
 * - Case numbers also get their compact forms, so that "RS 482/2018", "RS/482/2018", "482/2018"
 *   and "rs4822018" meet.
 * - Compounds are split into words the site itself uses ("folkhälsa" → "folk" + "hälsa").
 * - Typos: words one edit away, for words of five letters or more.
 *
 * Loaded by the worker with importScripts, and by node's test runner with require.
 */
(function (root) {
  "use strict"

  const TOKEN = /[\p{L}\p{N}]+(?:[/\-.:][\p{L}\p{N}]+)*/gu
  const INNER = /[/\-.:]/
  const DIGIT = /\p{N}/u
  const VOWEL_N = /[aeiouyåäö]n$/
  const DOUBLED = /([bcdfghjklmnpqrstvwxz])\1$/
  const FOLDED = { å: "a", ä: "a", ö: "o", é: "e", è: "e", ü: "u", æ: "a", ø: "o" }
  const MIN_PART = 3
  const MIN_TYPO = 5
  const MAX_COMPOUND = 40
  const MAX_PARTS = 4

  /** å, ä and ö as a, a and o. */
  function fold(word) {
    return word.replace(/[åäöéèüæø]/g, letter => FOLDED[letter])
  }

  /** The tokens of a text with where they stand: [{text, start, end}], lower case. */
  function tokenize(text) {
    const found = []
    for (const match of text.matchAll(TOKEN)) {
      const token = match[0]
      if (DIGIT.test(token) || !INNER.test(token)) {
        found.push({ text: token.toLowerCase(), start: match.index, end: match.index + token.length })
        continue
      }
      // "Digitalisering/bredband", "bl.a.": words joined by punctuation are words of their own
      let offset = match.index
      for (const part of token.split(INNER)) {
        found.push({ text: part.toLowerCase(), start: offset, end: offset + part.length })
        offset += part.length + 1
      }
    }
    return found
  }

  /** The same tokens as tokenize, as strings only: what the index is built from, faster. */
  function words(text) {
    const found = []
    for (const match of text.match(TOKEN) || []) {
      const token = match.toLowerCase()  // after matching, as tokenize does: lower case can change length
      if (DIGIT.test(token) || !INNER.test(token))
        found.push(token)
      else
        found.push(...token.split(INNER))
    }
    return found
  }

  /**
   * An analyser over one stemmer and one list of stop words.
   *
   * keys(token) gives the search keys of a token, each with a weight: 1 for the word itself, less
   * for a part of a case number. Stop words have none.
   */
  function createAnalyser(stem, stopWords) {
    const stops = new Set(stopWords)
    const cache = new Map()

    function wordKey(word) {
      return fold(stem(word))
    }

    function keys(token) {
      let found = cache.get(token)
      if (found)
        return found
      if (DIGIT.test(token)) {
        const compact = token.replace(/[^\p{L}\p{N}]/gu, "")
        const tail = compact.replace(/^\p{L}+/u, "")
        found = compact === token ? [[token, 1]] : [[token, 1], [compact, 1]]
        // The number without its letters: "rs20221483" meets "RS 2022/1483". Of a single number
        // ("covid-19", "e18") it is only a part, and weighs less.
        if (tail && tail !== compact)
          found.push([tail, (token.match(/\p{N}+/gu) || []).length > 1 || /^\p{L}+\p{N}/u.test(token) ? 1 : 0.5])
        for (const run of token.split(/[^\p{L}\p{N}]+/u))
          if (run && run !== token)
            found.push([DIGIT.test(run) ? run : wordKey(run), 0.3])
      } else if (stops.has(token)) {
        found = []
      } else {
        const forms = [wordKey(token)]
        if (VOWEL_N.test(token) && token.length > 4)
          forms.push(wordKey(token.slice(0, -1)))  // folkhälsan → folkhälsa, strategin → strategi
        if (token.endsWith("et") && token.length > 5)
          forms.push(wordKey(token.slice(0, -2)))  // arbetet → arbet, programmet → programm
        for (const form of [...forms])
          if (DOUBLED.test(form))
            forms.push(form.slice(0, -1))  // programmet → programm → program
        forms.push(fold(token))  // the word as written: where the stemmer cuts "kunskapsbas" and
                                 // "tjänstepersonsnivå" differently from their inflected or folded forms
        found = [...new Set(forms)].map(form => [form, 1])
      }
      cache.set(token, found)
      return found
    }

    return { keys, wordKey, isStopWord: token => stops.has(token) }
  }

  /**
   * Splits compounds into parts that the vocabulary knows, as keys: known holds the keys of every
   * word on the site. Longest head first; [] when a word is no compound of known words.
   */
  function createSplitter(analyser, known) {
    const memo = new Map()
    const isKnown = word => word.length >= MIN_PART && (known.has(analyser.wordKey(word)) || known.has(fold(word)))

    function split(word) {
      if (word.length > MAX_COMPOUND)
        return []  // no Swedish compound is that long, and splitting costs time that grows fast
      if (memo.has(word))
        return memo.get(word)
      memo.set(word, [])
      for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
        const head = word.slice(cut)
        if (!isKnown(head))
          continue
        const modifier = word.slice(0, cut)
        const candidates = [modifier]
        if (/[seaou]$/.test(modifier))
          candidates.push(modifier.slice(0, -1))  // the linking letter: "folkhälso-", "skogs-"
        for (const candidate of candidates) {
          const parts = isKnown(candidate) ? [candidate] : split(candidate)
          if (parts.length && parts.length < MAX_PARTS) {
            const found = [...parts, head]
            memo.set(word, found)
            return found
          }
        }
      }
      return []
    }
    return split
  }

  /** True when a and b are at most one insertion, deletion or substitution apart. */
  function withinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1)
      return false
    let i = 0
    while (i < a.length && i < b.length && a[i] === b[i])
      i++
    if (a.length === b.length)
      return a.slice(i + 1) === b.slice(i + 1)
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
  }

  /** Words of the vocabulary one edit from a word of five letters or more, compared folded. */
  function typoCandidates(word, vocabulary) {
    if (word.length < MIN_TYPO || DIGIT.test(word))
      return []
    const folded = fold(word)
    return vocabulary.filter(other => other !== word && withinOneEdit(folded, fold(other)))
  }

  const ESCAPED = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }
  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, c => ESCAPED[c])
  }

  /**
   * The text as HTML, escaped, with the tokens for which match(token) is true in <mark>; cut to
   * about `words` words around the first mark when `words` is given.
   */
  function highlight(text, match, words) {
    const tokens = tokenize(text)
    const marked = tokens.filter(token => match(token.text))
    let from = 0
    let to = text.length
    if (words && tokens.length > words) {
      const first = marked.length ? tokens.indexOf(marked[0]) : 0
      const start = Math.max(0, Math.min(first - Math.floor(words / 3), tokens.length - words))
      from = start ? tokens[start].start : 0
      to = start + words < tokens.length ? tokens[start + words - 1].end : text.length
    }
    let html = from ? "… " : ""
    let at = from
    for (const token of marked) {
      if (token.start < from || token.end > to)
        continue
      html += escapeHTML(text.slice(at, token.start)) + "<mark>" + escapeHTML(text.slice(token.start, token.end)) + "</mark>"
      at = token.end
    }
    html += escapeHTML(text.slice(at, to)) + (to < text.length ? " …" : "")
    return html
  }

  /* Field weights: a word in the page title counts most, then the lead line, a heading, the text. */
  const TITLE = 6
  const LEAD = 3
  const HEADING = 2
  const BODY = 1

  /**
   * The inverted index: key → flat list [section, weight, section, weight, …] in section order, and
   * the site's words. Section p is page p's title and lead line; the pages' sections follow, each
   * [heading, text]. Built once at build time under node (hooks/samverkan/site/search_index.js),
   * or by the worker when the site was built without node.
   */
  function buildPostings(analyser, pages, sections) {
    const postings = new Map()
    const seen = new Map()  // word → { keys, last }: its keys, and the section and field last added
    const add = (key, section, weight) => {
      let list = postings.get(key)
      if (!list)
        postings.set(key, list = [])
      const last = list.length - 2
      if (last >= 0 && list[last] === section) {
        if (weight > list[last + 1])
          list[last + 1] = weight
      } else {
        list.push(section, weight)
      }
    }
    const indexText = (text, section, weight) => {
      const mark = section * 8 + weight
      for (const word of words(text)) {
        let entry = seen.get(word)
        if (!entry)
          seen.set(word, entry = { keys: analyser.keys(word), last: -1 })
        else if (entry.last === mark)
          continue
        entry.last = mark
        for (const [key, keyWeight] of entry.keys)
          add(key, section, Math.round(weight * keyWeight * 10) / 10)
      }
    }
    pages.forEach(([title, lead], page) => {
      indexText(title, page, TITLE)
      indexText(lead, page, LEAD)
    })
    sections.forEach(([heading, text], i) => {
      indexText(heading, pages.length + i, HEADING)
      indexText(text, pages.length + i, BODY)
    })
    return { postings, vocabulary: [...seen.keys()].sort() }
  }

  /** The index as JSON that compresses well: sections as gaps, weights in tenths. */
  function encodePostings({ postings, vocabulary }) {
    const lists = []
    for (const list of postings.values()) {
      const coded = []
      for (let i = 0, previous = 0; i < list.length; i += 2) {
        coded.push(list[i] - previous, Math.round(list[i + 1] * 10))
        previous = list[i]
      }
      lists.push(coded)
    }
    return { keys: [...postings.keys()], postings: lists, vocabulary }
  }

  function decodePostings({ keys, postings: lists, vocabulary }) {
    const postings = new Map()
    keys.forEach((key, k) => {
      const coded = lists[k]
      const list = new Array(coded.length)
      for (let i = 0, section = 0; i < coded.length; i += 2) {
        section += coded[i]
        list[i] = section
        list[i + 1] = coded[i + 1] / 10
      }
      postings.set(key, list)
    })
    return { postings, vocabulary }
  }

  /**
   * The part of lunr that Material's lunr-languages files (lunr.stemmer.support.min.js and
   * lunr.sv.min.js) need to register the Swedish stemmer and stop words on: set it as the global
   * `lunr` before loading them, then pass lunr.sv.stemmer and lunr.sv.stopWordFilter.words to
   * createAnalyser.
   */
  function lunrShim() {
    return {
      Pipeline: { registerFunction() {} },
      trimmerSupport: { generateTrimmer: () => token => token },
      generateStopWordFilter(words) {
        const filter = token => token
        filter.words = words
        return filter
      }
    }
  }

  const api = { lunrShim, fold, tokenize, words, createAnalyser, buildPostings, encodePostings, decodePostings, createSplitter, withinOneEdit, typoCandidates, escapeHTML, highlight }
  if (typeof module !== "undefined" && module.exports)
    module.exports = api
  else
    root.SamverkanAnalyser = api
})(typeof self !== "undefined" ? self : this)
