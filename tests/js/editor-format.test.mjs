// The form editor's file format (hooks/samverkan/outputs/editor/samverkan-format.js) in node, with
// the pinned `yaml` library and the generated configuration: tests/test_editor.py runs this file
// with EDITOR_CONFIG (config.yml as JSON), YAML_LIB and DATA set.
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

const YAML = await import(process.env.YAML_LIB);
const source = readFileSync(new URL("../../hooks/samverkan/outputs/editor/samverkan-format.js", import.meta.url));
const { samverkanFormat } = await import(`data:text/javascript;base64,${source.toString("base64")}`);
const config = JSON.parse(readFileSync(process.env.EDITOR_CONFIG, "utf8"));
const collection = (name) => config.collections.find((item) => item.name === name);
const top = (name) => collection(name).fields.map((field) => field.name);
const comments = (name) => ({ id: collection(name).fields[0].comment });

// As Decap saves: it reads the file, hands over the text before saving (preSave), then writes.
function save(kind, text, change) {
  const format = samverkanFormat(YAML, config.collections);
  const data = format.fromFile(text);
  change(data);
  format.remember(text);
  return format.toFile(data, top(kind), comments(kind));
}

test("every record saved unchanged is written back byte for byte", () => {
  let files = 0;
  for (const kind of config.collections.map((item) => item.name)) {
    for (const name of readdirSync(join(process.env.DATA, kind))) {
      const text = readFileSync(join(process.env.DATA, kind, name), "utf8");
      assert.equal(save(kind, text, () => {}), text, `${kind}/${name}`);
      files += 1;
    }
  }
  assert.ok(files > 20);
});

test("a changed field changes its line and nothing else", () => {
  const path = join(process.env.DATA, "collaborations", "overenskommelse-lansstyrelsen-region-jamtland-harjedalen.yml");
  const text = readFileSync(path, "utf8");
  const after = save("collaborations", text, (data) => {
    data.short_name = "Överenskommelsen";
    data.meetings[0].months = [2, 6, 12];
    data.priority_areas[0].period.end = 2026;
  });
  const expected = text
    .replace("kind: overenskommelse\n", "kind: overenskommelse\nshort_name: Överenskommelsen\n")
    .replace("months: [2, 12]", "months: [2, 6, 12]")
    .replace("period: {start: 2022, end: 2024}", "period: {start: 2022, end: 2026}");
  assert.notEqual(expected, text);
  assert.equal(after, expected);
});

test("fields emptied in the form are removed, and comments stay", () => {
  const text = "# yaml-language-server: $schema=../schemas/organisations.schema.json\nid: a\nname: A\n# Typ:\nclassification: kommun\nshort_name: AA\n";
  const after = save("organisations", text, (data) => {
    data.short_name = "";
    data.posts = [];
    data.description = null;
  });
  assert.equal(after, "# yaml-language-server: $schema=../schemas/organisations.schema.json\nid: a\nname: A\n# Typ:\nclassification: kommun\n");
});

test("a new record is written in the form's order, with the schema line first", () => {
  const format = samverkanFormat(YAML, config.collections);
  format.remember("");
  const data = {
    parties: [{ role: "part", organisation: "umea-kommun", note: "" }],
    status: "forslag",
    name: "Samverkan i Umeå",
    id: "samverkan-umea",
    visibility: "intern",
    kind: "overenskommelse",
    period: { end: "2026", start: 2024 },
    purposes: ["Mötas: två gånger om året", "NO"],
  };
  assert.equal(
    format.toFile(data, top("collaborations"), comments("collaborations")),
    [
      "# yaml-language-server: $schema=../schemas/collaborations.schema.json",
      "id: samverkan-umea",
      "name: Samverkan i Umeå",
      "kind: overenskommelse",
      "status: forslag",
      "period:",
      "  start: 2024",
      '  end: "2026"',
      "parties:",
      "  - organisation: umea-kommun",
      "    role: part",
      "purposes:",
      '  - "Mötas: två gånger om året"',
      '  - "NO"',
      "visibility: intern",
      "",
    ].join("\n"),
  );
});

test("a local backup of a draft starts from the file too, so restoring it changes nothing else", () => {
  const path = join(process.env.DATA, "collaborations", "overenskommelse-lansstyrelsen-region-jamtland-harjedalen.yml");
  const text = readFileSync(path, "utf8");
  const format = samverkanFormat(YAML, config.collections);
  const data = format.fromFile(text); // as Decap reads the record
  data.short_name = "Överenskommelsen";
  const backup = format.toFile(data, top("collaborations"), comments("collaborations")); // no preSave first
  const restored = format.fromFile(backup);
  format.remember(backup); // the restored draft's raw is the backup
  const saved = format.toFile(restored, top("collaborations"), comments("collaborations"));
  assert.equal(saved, text.replace("kind: overenskommelse\n", "kind: overenskommelse\nshort_name: Överenskommelsen\n"));
});

test("an item removed in the middle of a list goes, the others stay as written", () => {
  const text = "id: a\nname: A\nkind: overenskommelse\nstatus: forslag\nparties:\n  - organisation: x\n    role: part\n  - organisation: y\n    role: part\n  - {organisation: z, role: part}\n";
  const after = save("collaborations", text, (data) => data.parties.splice(1, 1));
  assert.deepEqual(YAML.parse(after).parties, [
    { organisation: "x", role: "part" },
    { organisation: "z", role: "part" },
  ]);
  assert.ok(after.startsWith("id: a\nname: A\nkind: overenskommelse\nstatus: forslag\nparties:\n  - organisation: x\n"));
});

test("a value shared through an anchor is not changed in the other place", () => {
  const text = "id: a\nname: A\nassignments:\n  - text: Ett\n    responsible: &both [x, y]\n  - text: Två\n    responsible: *both\n";
  const after = save("collaborations", text, (data) => {
    data.assignments[0].responsible = ["x"];
  });
  assert.deepEqual(
    YAML.parse(after).assignments.map((item) => item.responsible),
    [["x"], ["x", "y"]],
  );
});

test("text the check would read as something else is quoted", () => {
  const tricky = JSON.parse(process.env.TRICKY);
  const format = samverkanFormat(YAML, config.collections);
  format.remember("");
  const text = format.toFile({ id: "a", name: "A", nature: tricky }, top("collaborations"), {});
  writeFileSync(process.env.TRICKY_OUT, text);
  assert.deepEqual(YAML.parse(text, { schema: "core" }).nature, tricky);
});

test("dates are read as the text they are", () => {
  const format = samverkanFormat(YAML, config.collections);
  assert.deepEqual(format.fromFile("date: 2023-06-30\nmonth: 2023-06\nyear: 2023\n"), {
    date: "2023-06-30",
    month: "2023-06",
    year: 2023,
  });
});
