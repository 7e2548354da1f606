<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>dt::editor::AmlDocument</name>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>There is no document to save.</source>
        <translation>Es gibt kein Dokument zum Speichern.</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saving was cancelled.</source>
        <translation>Das Speichern wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>dt::editor::AttributeModel</name>
    <message>
        <source>Live value (%1)</source>
        <translation>Live-Wert (%1)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>dt::editor::AttributesDock</name>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>%1, interface %2</source>
        <translation>%1, Schnittstelle %2</translation>
    </message>
    <message>
        <source>Library class (read-only)</source>
        <translation>Bibliotheksklasse (schreibgeschützt)</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add an attribute</source>
        <translation>Ein Attribut hinzufügen</translation>
    </message>
    <message>
        <source>Add nested</source>
        <translation>Verschachtelt hinzufügen</translation>
    </message>
    <message>
        <source>Add an attribute inside the selected one</source>
        <translation>Ein Attribut im ausgewählten hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected attribute</source>
        <translation>Das ausgewählte Attribut entfernen</translation>
    </message>
</context>
<context>
    <name>dt::editor::ClassPickerDialog</name>
    <message>
        <source>Choose a role class</source>
        <translation>Rollenklasse wählen</translation>
    </message>
    <message>
        <source>Choose an interface class</source>
        <translation>Schnittstellenklasse wählen</translation>
    </message>
    <message>
        <source>Filter classes</source>
        <translation>Klassen filtern</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>dt::editor::CommandText</name>
    <message>
        <source>Add attribute %1</source>
        <translation>Attribut %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove attribute %1</source>
        <translation>Attribut %1 entfernen</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>New element %1</source>
        <translation>Neues Element %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n element(s)</source>
        <translation>
            <numerusform>%n Element entfernen</numerusform>
            <numerusform>%n Elemente entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>New instance hierarchy %1</source>
        <translation>Neue Instanzhierarchie %1</translation>
    </message>
    <message>
        <source>Remove instance hierarchy %1</source>
        <translation>Instanzhierarchie %1 entfernen</translation>
    </message>
    <message>
        <source>Add interface %1</source>
        <translation>Schnittstelle %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove interface %1</source>
        <translation>Schnittstelle %1 entfernen</translation>
    </message>
    <message>
        <source>Rename interface to %1</source>
        <translation>Schnittstelle in %1 umbenennen</translation>
    </message>
    <message>
        <source>Add link %1</source>
        <translation>Verbindung %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove link %1</source>
        <translation>Verbindung %1 entfernen</translation>
    </message>
    <message>
        <source>Set %1 = %2</source>
        <translation>%1 = %2 setzen</translation>
    </message>
    <message>
        <source>Set default of %1</source>
        <translation>Standardwert von %1 setzen</translation>
    </message>
    <message>
        <source>Set unit of %1</source>
        <translation>Einheit von %1 setzen</translation>
    </message>
    <message>
        <source>Set type of %1</source>
        <translation>Typ von %1 setzen</translation>
    </message>
    <message>
        <source>Rename attribute to %1</source>
        <translation>Attribut in %1 umbenennen</translation>
    </message>
    <message>
        <source>Rename to %1</source>
        <translation>In %1 umbenennen</translation>
    </message>
    <message>
        <source>Set class %1</source>
        <translation>Klasse %1 setzen</translation>
    </message>
    <message>
        <source>Change description</source>
        <translation>Beschreibung ändern</translation>
    </message>
    <message>
        <source>Import library %1</source>
        <translation>Bibliothek %1 importieren</translation>
    </message>
    <message>
        <source>Remove library reference %1</source>
        <translation>Bibliotheksverweis %1 entfernen</translation>
    </message>
    <message>
        <source>Instances can only be added to an instance hierarchy or an element.</source>
        <translation>Instanzen können nur einer Instanzhierarchie oder einem Element hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Instantiate %1</source>
        <translation>%1 instanziieren</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>The clipboard holds no elements.</source>
        <translation>Die Zwischenablage enthält keine Elemente.</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n element(s)</source>
        <translation>
            <numerusform>%n Element einfügen</numerusform>
            <numerusform>%n Elemente einfügen</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste into an instance hierarchy or an element.</source>
        <translation>In eine Instanzhierarchie oder ein Element einfügen.</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n element(s)</source>
        <translation>
            <numerusform>%n Element duplizieren</numerusform>
            <numerusform>%n Elemente duplizieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear role</source>
        <translation>Rolle entfernen</translation>
    </message>
    <message>
        <source>Set role %1</source>
        <translation>Rolle %1 setzen</translation>
    </message>
</context>
<context>
    <name>dt::editor::DocumentController</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Neues Dokument</translation>
    </message>
    <message>
        <source>The document template could not be created.</source>
        <translation>Die Dokumentvorlage konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Open AutomationML file</source>
        <translation>AutomationML-Datei öffnen</translation>
    </message>
    <message>
        <source>AutomationML files (*.aml);;All files (*)</source>
        <translation>AutomationML-Dateien (*.aml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Open failed</source>
        <translation>Öffnen fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 could not be opened:
%2</source>
        <translation>%1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>AutomationML, CAEX 3.0 (*.aml)</source>
        <translation>AutomationML, CAEX 3.0 (*.aml)</translation>
    </message>
    <message>
        <source>AutomationML, CAEX 2.15 (*.aml)</source>
        <translation>AutomationML, CAEX 2.15 (*.aml)</translation>
    </message>
    <message>
        <source>Save AutomationML file</source>
        <translation>AutomationML-Datei speichern</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 could not be saved:
%2</source>
        <translation>%1 konnte nicht gespeichert werden:
%2</translation>
    </message>
    <message>
        <source>Saved %1 (CAEX %2)</source>
        <translation>%1 gespeichert (CAEX %2)</translation>
    </message>
    <message>
        <source>Import library</source>
        <translation>Bibliothek importieren</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>Imported %1 as %2</source>
        <translation>%1 als %2 importiert</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes.</source>
        <translation>%1 hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Do you want to save them?</source>
        <translation>Möchten Sie sie speichern?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>an untitled document</source>
        <translation>ein unbenanntes Dokument</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>DT Workbench did not close properly. Unsaved changes to %1 were saved automatically at %2.</source>
        <translation>DT Workbench wurde nicht ordnungsgemäß beendet. Ungespeicherte Änderungen an %1 wurden um %2 automatisch gesichert.</translation>
    </message>
    <message>
        <source>Do you want to recover them?</source>
        <translation>Möchten Sie sie wiederherstellen?</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Recovery data discarded</source>
        <translation>Wiederherstellungsdaten verworfen</translation>
    </message>
    <message>
        <source>Recovery failed</source>
        <translation>Wiederherstellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The recovery file could not be read:
%1</source>
        <translation>Die Wiederherstellungsdatei konnte nicht gelesen werden:
%1</translation>
    </message>
    <message>
        <source>Recovered the unsaved changes of %1</source>
        <translation>Ungespeicherte Änderungen von %1 wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>dt::editor::DocumentIO</name>
    <message>
        <source>Opening was cancelled.</source>
        <translation>Das Öffnen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Another file operation is still running.</source>
        <translation>Ein anderer Dateivorgang läuft noch.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>There is no document to save.</source>
        <translation>Es gibt kein Dokument zum Speichern.</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>dt::editor::ElementActions</name>
    <message>
        <source>The document has no instance hierarchy to add to.</source>
        <translation>Das Dokument hat keine Instanzhierarchie, der etwas hinzugefügt werden kann.</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message numerus="yes">
        <source>Set role of %n element(s)</source>
        <translation>
            <numerusform>Rolle von %n Element setzen</numerusform>
            <numerusform>Rolle von %n Elementen setzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n element(s)</source>
        <translation>
            <numerusform>%n Element kopiert</numerusform>
            <numerusform>%n Elemente kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Ausschneiden</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n element(s)</source>
        <translation>
            <numerusform>%n Element gelöscht</numerusform>
            <numerusform>%n Elemente gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n element(s) and the links to them: %1</source>
        <translation>
            <numerusform>%n Element und die Verbindungen dorthin gelöscht: %1</numerusform>
            <numerusform>%n Elemente und die Verbindungen dorthin gelöscht: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>New &amp;Child Element</source>
        <translation>Neues &amp;Kindelement</translation>
    </message>
    <message>
        <source>Add an empty element under the selected one</source>
        <translation>Ein leeres Element unter dem ausgewählten hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Set &amp;Role…</source>
        <translation>&amp;Rolle setzen…</translation>
    </message>
    <message>
        <source>Choose the role class the selected elements support</source>
        <translation>Die Rollenklasse wählen, die die ausgewählten Elemente unterstützen</translation>
    </message>
    <message>
        <source>Add &amp;Interface…</source>
        <translation>&amp;Schnittstelle hinzufügen…</translation>
    </message>
    <message>
        <source>Add an interface from an interface class</source>
        <translation>Eine Schnittstelle aus einer Schnittstellenklasse hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>Copy the selected elements next to themselves, with new IDs</source>
        <translation>Die ausgewählten Elemente neben sich kopieren, mit neuen IDs</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected elements and the links to them</source>
        <translation>Die ausgewählten Elemente und die Verbindungen dorthin löschen</translation>
    </message>
</context>
<context>
    <name>dt::editor::ElementDetailsWidget</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 attributes, %2 interfaces, %3 child elements, %4 links</source>
        <translation>%1 Attribute, %2 Schnittstellen, %3 Kindelemente, %4 Verbindungen</translation>
    </message>
    <message numerus="yes">
        <source>%n child element(s)</source>
        <translation>
            <numerusform>%n Kindelement</numerusform>
            <numerusform>%n Kindelemente</numerusform>
        </translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Select an element in the instance hierarchy.</source>
        <translation>Wählen Sie ein Element in der Instanzhierarchie.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Pfad:</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Klasse:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Inhalt:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
</context>
<context>
    <name>dt::editor::FindDock</name>
    <message>
        <source>%1 matches, the first %2 are listed</source>
        <translation>%1 Treffer, die ersten %2 sind aufgelistet</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>XPath</source>
        <translation>XPath</translation>
    </message>
    <message>
        <source>Part of an element name</source>
        <translation>Teil eines Elementnamens</translation>
    </message>
    <message>
        <source>Hierarchy/Element/Child</source>
        <translation>Hierarchie/Element/Kind</translation>
    </message>
</context>
<context>
    <name>dt::editor::HierarchyDock</name>
    <message>
        <source>Instance Hierarchy</source>
        <translation>Instanzhierarchie</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Nach Name filtern</translation>
    </message>
</context>
<context>
    <name>dt::editor::HierarchyModel</name>
    <message>
        <source>A name cannot be empty.</source>
        <translation>Ein Name darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>This cannot be dropped here.</source>
        <translation>Das kann hier nicht abgelegt werden.</translation>
    </message>
    <message numerus="yes">
        <source>Move %n element(s)</source>
        <translation>
            <numerusform>%n Element verschieben</numerusform>
            <numerusform>%n Elemente verschieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dt::editor::InterfaceModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Verbindungen</translation>
    </message>
</context>
<context>
    <name>dt::editor::InterfacesDock</name>
    <message>
        <source>These interfaces cannot be linked: they need IDs and a common element.</source>
        <translation>Diese Schnittstellen können nicht verbunden werden: sie brauchen IDs und ein gemeinsames Element.</translation>
    </message>
    <message numerus="yes">
        <source>Links: %n</source>
        <translation>
            <numerusform>Verbindungen: %n</numerusform>
            <numerusform>Verbindungen: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broken</source>
        <translation>
            <numerusform>%n defekt</numerusform>
            <numerusform>%n defekt</numerusform>
        </translation>
    </message>
    <message>
        <source>Interfaces (select an element)</source>
        <translation>Schnittstellen (Element auswählen)</translation>
    </message>
    <message>
        <source>Interfaces of %1</source>
        <translation>Schnittstellen von %1</translation>
    </message>
    <message>
        <source>Interfaces &amp; Links</source>
        <translation>Schnittstellen &amp; Verbindungen</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Add an interface from an interface class</source>
        <translation>Eine Schnittstelle aus einer Schnittstellenklasse hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected interface and its links</source>
        <translation>Die ausgewählte Schnittstelle und ihre Verbindungen entfernen</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Link the selected interface to another one (or drag it onto its partner)</source>
        <translation>Die ausgewählte Schnittstelle mit einer anderen verbinden (oder auf ihren Partner ziehen)</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Only the selected element</source>
        <translation>Nur das ausgewählte Element</translation>
    </message>
</context>
<context>
    <name>dt::editor::LibrariesDock</name>
    <message>
        <source>Some libraries could not be loaded: %1</source>
        <translation>Einige Bibliotheken konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliotheken</translation>
    </message>
    <message>
        <source>Filter classes</source>
        <translation>Klassen filtern</translation>
    </message>
    <message>
        <source>Drag a class onto the instance hierarchy to use it</source>
        <translation>Ziehen Sie eine Klasse auf die Instanzhierarchie, um sie zu verwenden</translation>
    </message>
</context>
<context>
    <name>dt::editor::LibraryModel</name>
    <message>
        <source>this document</source>
        <translation>dieses Dokument</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>dt::editor::LinkModel</name>
    <message>
        <source>side A</source>
        <translation>Seite A</translation>
    </message>
    <message>
        <source>side B</source>
        <translation>Seite B</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Side A</source>
        <translation>Seite A</translation>
    </message>
    <message>
        <source>Side B</source>
        <translation>Seite B</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Gehalten von</translation>
    </message>
</context>
<context>
    <name>dt::editor::LinkPartnerDialog</name>
    <message>
        <source>Link to interface</source>
        <translation>Mit Schnittstelle verbinden</translation>
    </message>
    <message>
        <source>Filter by element or interface</source>
        <translation>Nach Element oder Schnittstelle filtern</translation>
    </message>
    <message>
        <source>Element / interface</source>
        <translation>Element / Schnittstelle</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>dt::editor::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>The new language applies at once to the main window.</source>
        <translation>Die neue Sprache gilt sofort für das Hauptfenster.</translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation>Automatisch speichern alle:</translation>
    </message>
    <message>
        <source>Library folders:</source>
        <translation>Bibliotheksordner:</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>Bibliotheksordner</translation>
    </message>
</context>
<context>
    <name>dt::editor::ProblemsDock</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Double-click a problem to select its element</source>
        <translation>Doppelklicken Sie auf ein Problem, um sein Element auszuwählen</translation>
    </message>
</context>
<context>
    <name>dt::editor::ProblemsModel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
</context>
<context>
    <name>dt::editor::RecoveryManager</name>
    <message>
        <source>Cannot create the recovery folder %1.</source>
        <translation>Der Wiederherstellungsordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot create the session marker in %1.</source>
        <translation>Die Sitzungsmarkierung in %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>dt::editor::UndoDock</name>
    <message>
        <source>Undo History</source>
        <translation>Rückgängig-Verlauf</translation>
    </message>
    <message>
        <source>&lt;original document&gt;</source>
        <translation>&lt;ursprüngliches Dokument&gt;</translation>
    </message>
</context>
<context>
    <name>dt::viewers::EventListModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>dt::viewers::EventListWidget</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 von %n Ereignis</numerusform>
            <numerusform>%1 von %n Ereignissen</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter events</source>
        <translation>Ereignisse filtern</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the list (the stored history keeps the events)</source>
        <translation>Die Liste leeren (der gespeicherte Verlauf behält die Ereignisse)</translation>
    </message>
</context>
<context>
    <name>dt::workbench</name>
    <message>
        <source>Cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>dt::workbench::DeviceStatusWidget</name>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>waiting to reconnect</source>
        <translation>wartet auf erneutes Verbinden</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 of %2 devices connected</source>
        <translation>%1 von %2 Geräten verbunden</translation>
    </message>
</context>
<context>
    <name>dt::workbench::LocalDeployer</name>
    <message>
        <source>Checking the model…</source>
        <translation>Modell wird geprüft…</translation>
    </message>
    <message>
        <source>The runtime did not start the twin.</source>
        <translation>Die Laufzeit hat den Zwilling nicht gestartet.</translation>
    </message>
    <message numerus="yes">
        <source>The model has %n error(s); nothing was started.</source>
        <translation>
            <numerusform>Das Modell hat %n Fehler; nichts wurde gestartet.</numerusform>
            <numerusform>Das Modell hat %n Fehler; nichts wurde gestartet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The model has no DigitalTwin component: there is nothing to deploy.</source>
        <translation>Das Modell hat keine DigitalTwin-Komponente: es gibt nichts bereitzustellen.</translation>
    </message>
    <message>
        <source>Starting dt-valvesim on %1…</source>
        <translation>dt-valvesim wird auf %1 gestartet…</translation>
    </message>
    <message>
        <source>Deploying…</source>
        <translation>Wird bereitgestellt…</translation>
    </message>
    <message>
        <source>dt-valvesim was not found (DT_VALVESIM names it): local devices are not simulated</source>
        <translation>dt-valvesim wurde nicht gefunden (DT_VALVESIM gibt ihn an): lokale Geräte werden nicht simuliert</translation>
    </message>
</context>
<context>
    <name>dt::workbench::MainWindow</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>DT Workbench</source>
        <translation>DT Workbench</translation>
    </message>
    <message>
        <source>%1[*] — DT Workbench</source>
        <translation>%1[*] — DT Workbench</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>About DT Workbench</source>
        <translation>Über DT Workbench</translation>
    </message>
    <message>
        <source>&lt;b&gt;DT Workbench %1&lt;/b&gt;&lt;p&gt;Model, deploy and monitor AutomationML digital twins.&lt;/p&gt;</source>
        <translation>&lt;b&gt;DT Workbench %1&lt;/b&gt;&lt;p&gt;Digitale Zwillinge in AutomationML modellieren, bereitstellen und überwachen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>E&amp;lement</source>
        <translation>E&amp;lement</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>New document from the template with the DT libraries</source>
        <translation>Neues Dokument aus der Vorlage mit den DT-Bibliotheken</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save under a new name, as CAEX 3.0 or 2.15</source>
        <translation>Unter neuem Namen speichern, als CAEX 3.0 oder 2.15</translation>
    </message>
    <message>
        <source>&amp;Import Library…</source>
        <translation>Bibliothek &amp;importieren…</translation>
    </message>
    <message>
        <source>Reference a library file so its classes can be used</source>
        <translation>Eine Bibliotheksdatei referenzieren, damit ihre Klassen verwendet werden können</translation>
    </message>
    <message>
        <source>E&amp;xport Snapshot…</source>
        <translation>Mo&amp;mentaufnahme exportieren…</translation>
    </message>
    <message>
        <source>Export the live model with current values (available with a running twin)</source>
        <translation>Das Live-Modell mit aktuellen Werten exportieren (mit laufendem Zwilling verfügbar)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Find elements by name, path or XPath</source>
        <translation>Elemente nach Name, Pfad oder XPath suchen</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>&amp;About DT Workbench</source>
        <translation>Ü&amp;ber DT Workbench</translation>
    </message>
</context>
<context>
    <name>dt::workbench::MonitorController</name>
    <message>
        <source>Simulator stopped: %1</source>
        <translation>Simulator gestoppt: %1</translation>
    </message>
    <message>
        <source>--deploy: no model file was opened</source>
        <translation>--deploy: es wurde keine Modelldatei geöffnet</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <source>There is no document to deploy.</source>
        <translation>Es gibt kein Dokument zum Bereitstellen.</translation>
    </message>
    <message>
        <source>no temporary folder</source>
        <translation>kein temporärer Ordner</translation>
    </message>
    <message>
        <source>The model could not be written for the runtime.</source>
        <translation>Das Modell konnte für die Laufzeit nicht geschrieben werden.</translation>
    </message>
    <message numerus="yes">
        <source>Running %1: %n device(s)</source>
        <translation>
            <numerusform>%1 läuft: %n Gerät</numerusform>
            <numerusform>%1 läuft: %n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>, simulated by dt-valvesim on %1</source>
        <translation>, simuliert von dt-valvesim auf %1</translation>
    </message>
    <message numerus="yes">
        <source> (%n warning(s): Runtime ▸ Deploy Report)</source>
        <translation>
            <numerusform> (%n Warnung: Laufzeit ▸ Bereitstellungsbericht)</numerusform>
            <numerusform> (%n Warnungen: Laufzeit ▸ Bereitstellungsbericht)</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploy failed: %1</source>
        <translation>Bereitstellung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Deploy failed</source>
        <translation>Bereitstellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Runtime stopped</source>
        <translation>Laufzeit gestoppt</translation>
    </message>
    <message>
        <source>Snapshot written to %1</source>
        <translation>Momentaufnahme nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Export Snapshot</source>
        <translation>Momentaufnahme exportieren</translation>
    </message>
    <message>
        <source>The snapshot could not be written.</source>
        <translation>Die Momentaufnahme konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>AutomationML files (*.aml)</source>
        <translation>AutomationML-Dateien (*.aml)</translation>
    </message>
    <message>
        <source>Deploy Report</source>
        <translation>Bereitstellungsbericht</translation>
    </message>
    <message>
        <source>The model deploys without errors.</source>
        <translation>Das Modell lässt sich fehlerfrei bereitstellen.</translation>
    </message>
    <message>
        <source>The model has errors; nothing was started.</source>
        <translation>Das Modell hat Fehler; nichts wurde gestartet.</translation>
    </message>
    <message>
        <source>&amp;Runtime</source>
        <translation>&amp;Laufzeit</translation>
    </message>
    <message>
        <source>&amp;Deploy Locally</source>
        <translation>Lokal &amp;bereitstellen</translation>
    </message>
    <message>
        <source>Check the model and run its twin in this window, with simulated valves for local devices nobody serves (F5)</source>
        <translation>Das Modell prüfen und seinen Zwilling in diesem Fenster ausführen, mit simulierten Ventilen für lokale Geräte, die niemand bedient (F5)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Stop the running twin and the simulators (Shift+F5)</source>
        <translation>Den laufenden Zwilling und die Simulatoren stoppen (Umschalt+F5)</translation>
    </message>
    <message>
        <source>Simulate &amp;Local Devices</source>
        <translation>&amp;Lokale Geräte simulieren</translation>
    </message>
    <message>
        <source>Start dt-valvesim for Modbus TCP devices on this computer that nothing serves</source>
        <translation>dt-valvesim für Modbus-TCP-Geräte auf diesem Rechner starten, die nichts bedient</translation>
    </message>
    <message>
        <source>Deploy &amp;Report…</source>
        <translation>Bereitstellungs&amp;bericht…</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
</context>
<context>
    <name>dt::workbench::QualityDelegate</name>
    <message>
        <source>Live quality: %1</source>
        <translation>Live-Qualität: %1</translation>
    </message>
</context>
<context>
    <name>dt::workbench::SimulatorLauncher</name>
    <message>
        <source>dt-valvesim did not report listening within %1 s</source>
        <translation>dt-valvesim hat nicht innerhalb von %1 s gemeldet, dass es lauscht</translation>
    </message>
    <message>
        <source>dt-valvesim was not found (looked next to this program and in PATH; DT_VALVESIM names it explicitly)</source>
        <translation>dt-valvesim wurde nicht gefunden (gesucht neben diesem Programm und im PATH; DT_VALVESIM gibt es ausdrücklich an)</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>mit Code %1 beendet</translation>
    </message>
    <message>
        <source>dt-valvesim (%1): %2</source>
        <translation>dt-valvesim (%1): %2</translation>
    </message>
</context>
</TS>
