/* How the form editor reads and writes records: as the rest of the repository does, changing
 * nothing but what the editor changed.
 *
 * Decap CMS's own YAML format rewrites the whole file on every save: it folds lines at 80
 * characters, drops comments and flow lists like `[2, 12]`, and keeps the fields an editor left
 * empty. This format edits the file as it was read instead (the `yaml` library keeps its
 * comments, styles and key order): values the editor changed are replaced, removed ones removed,
 * and new keys go where the form (the models) has them. A new record is written in the form's
 * order, one value per line, with the comments the configuration gives (the first line,
 * `# yaml-language-server: …`, above `id`). An empty field means the same as no field, so it is
 * left out. Quotes go around text that YAML 1.1 tools would read as something else (`"NO"`,
 * `"10:30"`), as the check requires, and a date stays the text it is.
 *
 * An ES module without imports: editor/samverkan-cms.js gives it the `yaml` library and Decap;
 * tests/js/ loads it in node.
 */

const OPTIONS = { schema: "yaml-1.1", customTags: (tags) => tags.filter((tag) => !String(tag.tag).endsWith(":timestamp")) };
const OUTPUT = { lineWidth: 0, flowCollectionPadding: false };

// Text that the check (samverkan/ingest/yamlplain.py, _NULL … _YAML11_NUMBER: keep them in step)
// reads as something else, or refuses, unless it is quoted.
const AMBIGUOUS = [
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/,
  /^[-+]?(?:0|[1-9][0-9]*)$/,
  /^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)$/,
  /^(?:yes|no|on|off|y|n)$/i,
  new RegExp(
    "^(?:[-+]?(?:0[0-9_]+|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?" +
      "|[0-9][0-9_]*_[0-9_]*(?:\\.[0-9_]*)?|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)[eE][-+]?[0-9]+)" +
      "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$",
  ),
];

/** Every field's name in a collection's configuration, nested ones as "parties.role". */
export function fieldNames(fields, prefix = "") {
  return fields.flatMap((field) => {
    const name = prefix + field.name;
    const inner = field.fields || (field.field ? [field.field] : []);
    return [name, ...fieldNames(inner, `${name}.`)];
  });
}

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

function pruned(value) {
  if (Array.isArray(value)) {
    const items = value.map(pruned).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (isObject(value)) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, pruned(item)])
      .filter(([, item]) => item !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (value === null || value === undefined || (typeof value === "string" && !value.trim())) return undefined;
  return value;
}

function equal(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, at) => equal(item, b[at]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && equal(a[key], b[key]));
  }
  return a === b;
}

export function samverkanFormat(YAML, collections) {
  // Decap passes the top-level field names only: the collection they belong to has the rest.
  const orders = new Map(
    collections.map((collection) => [collection.fields.map((field) => field.name).join(","), fieldNames(collection.fields)]),
  );
  let original = "";
  // The last text read for each record id: Decap also writes and reads back local backups of a
  // draft, and those must start from the file as it is, not be written afresh.
  const read = new Map();

  const rank = (order, prefix, key) => {
    const at = order.indexOf(prefix + key);
    return at < 0 ? order.length : at;
  };

  function ordered(value, order, prefix) {
    if (Array.isArray(value)) return value.map((item) => ordered(item, order, prefix));
    if (!isObject(value)) return value;
    const keys = Object.keys(value)
      .map((key, at) => [key, at])
      .sort((a, b) => rank(order, prefix, a[0]) - rank(order, prefix, b[0]) || a[1] - b[1])
      .map(([key]) => key);
    return Object.fromEntries(keys.map((key) => [key, ordered(value[key], order, `${prefix}${key}.`)]));
  }

  // Turn the node holding `before` into one holding `after`, touching only what differs.
  // False when the node is of another shape, for the caller to replace it whole.
  function patch(doc, node, before, after, order, prefix) {
    const fresh = (value, inner) => (isObject(value) || Array.isArray(value) ? doc.createNode(ordered(value, order, inner)) : value);
    if (YAML.isMap(node) && isObject(before) && isObject(after)) {
      for (const key of Object.keys(before)) if (!(key in after)) node.delete(key);
      for (const [key, value] of Object.entries(after)) {
        const inner = `${prefix}${key}.`;
        if (!(key in before)) {
          const pair = doc.createPair(key, fresh(value, inner));
          const at = node.items.findIndex((item) => rank(order, prefix, String(item.key)) > rank(order, prefix, key));
          node.items.splice(at < 0 ? node.items.length : at, 0, pair);
        } else if (!equal(before[key], value) && !patch(doc, node.get(key, true), before[key], value, order, inner)) {
          node.set(key, fresh(value, inner));
        }
      }
      return true;
    }
    if (YAML.isSeq(node) && Array.isArray(before) && Array.isArray(after)) {
      node.items.splice(after.length);
      after.forEach((value, at) => {
        if (at >= before.length) node.add(fresh(value, prefix));
        else if (!equal(before[at], value) && !patch(doc, node.get(at, true), before[at], value, order, prefix)) {
          node.set(at, fresh(value, prefix));
        }
      });
      return true;
    }
    return false;
  }

  function quoted(doc) {
    YAML.visit(doc, {
      Scalar(_, node) {
        if (typeof node.value === "string" && !node.type?.startsWith("QUOTE") && AMBIGUOUS.some((re) => re.test(node.value))) {
          node.type = "QUOTE_DOUBLE";
        }
      },
    });
    return doc.toString(OUTPUT);
  }

  return {
    /** Decap's preSave event hands over the file as it was read, just before toFile. */
    remember(raw) {
      original = raw || "";
    },
    fromFile(content) {
      const data = YAML.parse(content, OPTIONS) || {};
      if (typeof data.id === "string") read.set(data.id, content);
      return data;
    },
    toFile(data, fieldsOrder = [], comments = {}) {
      const order = orders.get(fieldsOrder.join(",")) || fieldsOrder;
      const after = pruned(data) || {};
      const cached = read.get(after.id) || "";
      const fits = cached && Object.keys(YAML.parse(cached, OPTIONS) || {}).every((key) => order.includes(key));
      const source = original || (fits ? cached : "");
      original = "";
      if (source.trim()) {
        const doc = YAML.parseDocument(source, OPTIONS);
        // A value shared through an anchor (&a … *a) is written out at each place, so that changing
        // one place leaves the other as it was.
        YAML.visit(doc, { Alias: (_, node) => node.resolve(doc).clone() });
        YAML.visit(doc, { Node: (_, node) => void delete node.anchor });
        if (!patch(doc, doc.contents, doc.toJS() || {}, after, order, "")) doc.contents = doc.createNode(ordered(after, order, ""));
        return quoted(doc);
      }
      const header = Object.keys(comments)
        .filter((key) => key in after)
        .flatMap((key) => comments[key].split("\n").map((line) => `# ${line}`));
      return [...header, quoted(new YAML.Document(ordered(after, order, ""), OPTIONS))].join("\n");
    },
  };
}
