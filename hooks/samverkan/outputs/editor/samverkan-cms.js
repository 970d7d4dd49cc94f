/* The form editor's start: Decap CMS (loaded before this module) with the repository's file format. */
import * as YAML from "./yaml/dist/index.js";
import { samverkanFormat } from "./samverkan-format.js";

// Under make serve every page reloads itself when the site is rebuilt, and a save here rebuilds
// it: the editor keeps its place instead (mkdocs serve adds the reloading script to every page).
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(url).startsWith("/livereload/")) this.send = () => {};
  return open.call(this, method, url, ...rest);
};

// Decap's Swedish leaves these in English: the ones this configuration shows.
const SWEDISH = {
  collection: {
    collectionTop: { viewAsList: "Visa som lista", viewAsGrid: "Visa som rutnät" },
    entries: { unpublishedHeader: "Opublicerade inlägg" },
  },
  editor: {
    editorControl: { field: { widgetLabel: "Fältet %{widgetLabel}" } },
    editorInterface: { toggleNotes: "Visa eller dölj anteckningar" },
    editorNotesPane: {
      title: "Anteckningar",
      emptyState: "Inga anteckningar än. Skriv den första nedan.",
      addNote: "Lägg till anteckning",
      addPlaceholder: "Skriv en anteckning …",
      editPlaceholder: "Ändra anteckningen …",
      save: "Spara",
      cancel: "Avbryt",
      edit: "Ändra",
      delete: "Ta bort",
      resolve: "Markera som klar",
      unresolve: "Markera som inte klar",
      confirmDelete: "Vill du ta bort anteckningen?",
      shortcut: "Tips: Ctrl+Enter lägger till anteckningen.",
    },
    editorToolbar: {
      statusInfoTooltipDraft: "Inlägget är ett utkast. Ändra status till ”Under granskning” när det är klart att granska.",
      statusInfoTooltipInReview: "Inlägget granskas, och du behöver inte göra något. Du kan fortfarande ändra i det.",
    },
    editorWidgets: {
      list: { add: "Lägg till %{item}", addType: "Lägg till %{item}" },
      object: { expand: "Visa", collapse: "Dölj" },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: "Stäng" } },
  ui: {
    settingsDropdown: { account: "Kontoinställningar" },
    toast: {
      noteAdded: "Anteckningen är tillagd",
      onFailToAddNote: "Anteckningen kunde inte läggas till: %{details}",
      noteUpdated: "Anteckningen är ändrad",
      onFailToUpdateNote: "Anteckningen kunde inte ändras: %{details}",
      noteDeleted: "Anteckningen är borttagen",
      onFailToDeleteNote: "Anteckningen kunde inte tas bort: %{details}",
      noteResolved: "Anteckningen är markerad som klar",
      noteReopened: "Anteckningen är markerad som inte klar",
      onFailToToggleNote: "Anteckningen kunde inte ändras: %{details}",
    },
  },
};

function merged(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    out[key] = typeof value === "object" ? merged(base[key] || {}, value) : value;
  }
  return out;
}

const CMS = window.CMS;
CMS.registerLocale("sv", merged(CMS.getLocale("sv"), SWEDISH));
const config = YAML.parse(await (await fetch("config.yml")).text());
const format = samverkanFormat(YAML, config.collections);
CMS.registerCustomFormat("samverkan-yml", "yml", format);
CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const id = entry.getIn(["data", "id"]);
    if (!entry.get("newRecord") && id !== entry.get("slug")) {
      // The file name is the id: a new id would leave the file under the old name.
      throw new Error(
        `Id kan inte ändras här: posten ligger i filen ${entry.get("slug")}.yml. Skriv tillbaka ”${entry.get("slug")}”, ` +
          "eller skapa en ny post med det nya id:t och ta bort den gamla.",
      );
    }
    format.remember(entry.get("raw"));
  },
});
CMS.init();
