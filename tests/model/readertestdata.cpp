// SPDX-License-Identifier: GPL-3.0-or-later
// Inputs and helpers for tst_reader.
#include "readertestdata.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace dt::model;

namespace dt::test::reader {

const QByteArray XmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const QByteArray Root30
    = "<CAEXFile SchemaVersion=\"3.0\" FileName=\"t.aml\" xmlns=\"http://www.dke.de/CAEX\">\n";
const QByteArray Sdi = "  <SourceDocumentInformation OriginName=\"t\" OriginID=\"t\" "
                       "OriginVersion=\"1\" LastWritingDateTime=\"2024-01-01T00:00:00\"/>\n";

QByteArray doc30(const QByteArray &body)
{
    return XmlDeclaration + Root30 + Sdi + body + "</CAEXFile>\n";
}

QByteArray doc215(const QByteArray &body)
{
    return XmlDeclaration + "<CAEXFile SchemaVersion=\"2.15\" FileName=\"t.aml\">\n" + body
        + "</CAEXFile>\n";
}

QByteArray nested(const QByteArray &open, const QByteArray &close, int levels)
{
    return open.repeated(levels) + close.repeated(levels);
}

QByteArray billionLaughs()
{
    QByteArray dtd = "<!DOCTYPE CAEXFile [\n  <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        const QByteArray previous = i == 1 ? "lol" : "lol" + QByteArray::number(i - 1);
        dtd += "  <!ENTITY lol" + QByteArray::number(i) + " \""
            + ("&" + previous + ";").repeated(10) + "\">\n";
    }
    dtd += "]>\n";
    return XmlDeclaration + dtd + Root30 + Sdi + "  <InstanceHierarchy Name=\"&lol9;\"/>\n"
        + "</CAEXFile>\n";
}

QByteArray utf16LittleEndianWithBom(const QByteArray &utf8)
{
    QString text = QString::fromUtf8(utf8);
    text.replace(u"encoding=\"UTF-8\""_s, u"encoding=\"UTF-16\""_s);
    QByteArray out("\xFF\xFE", 2);
    for (const QChar c : std::as_const(text)) {
        out += char(c.unicode() & 0xFF);
        out += char(c.unicode() >> 8);
    }
    return out;
}

namespace {

qsizetype countElements(const NodeList<InternalElement> &elements)
{
    qsizetype n = elements.size();
    for (const InternalElement &element : elements)
        n += countElements(element.internalElements);
    return n;
}

/// Element counts of a whole model, keyed by CAEX element name, to compare with INDEX.tsv.
class ModelCounter
{
public:
    QMap<QString, qint64> counts;

    void file(const CaexFile &f)
    {
        add(u"ExternalReference"_s, f.externalReferences.size());
        add(u"InstanceHierarchy"_s, f.instanceHierarchies.size());
        for (const InstanceHierarchy &h : f.instanceHierarchies)
            for (const InternalElement &e : h.internalElements)
                element(e);
        add(u"InterfaceClassLib"_s, f.interfaceClassLibs.size());
        for (const InterfaceClassLib &lib : f.interfaceClassLibs)
            for (const InterfaceClass &c : lib.classes)
                interfaceClass(c);
        add(u"RoleClassLib"_s, f.roleClassLibs.size());
        for (const RoleClassLib &lib : f.roleClassLibs)
            for (const RoleClass &c : lib.classes)
                roleClass(c);
        add(u"SystemUnitClassLib"_s, f.systemUnitClassLibs.size());
        for (const SystemUnitClassLib &lib : f.systemUnitClassLibs)
            for (const SystemUnitClass &c : lib.classes)
                systemUnitClass(c);
        add(u"AttributeTypeLib"_s, f.attributeTypeLibs.size());
        for (const AttributeTypeLib &lib : f.attributeTypeLibs)
            for (const AttributeType &t : lib.classes)
                attributeType(t);
    }

private:
    void add(const QString &key, qint64 n) { counts[key] += n; }
    void mapping(const ValuePtr<MappingObject> &m) { add(u"MappingObject"_s, m ? 1 : 0); }
    void attributes(const NodeList<Attribute> &list)
    {
        for (const Attribute &a : list) {
            add(u"Attribute"_s, 1);
            attributeParts(a);
        }
    }
    void attributeParts(const Attribute &a)
    {
        add(u"RefSemantic"_s, a.refSemantics.size());
        add(u"Constraint"_s, a.constraints.size());
        attributes(a.attributes);
    }
    void interfaces(const NodeList<ExternalInterface> &list)
    {
        for (const ExternalInterface &i : list) {
            add(u"ExternalInterface"_s, 1);
            attributes(i.attributes);
            interfaces(i.interfaces);
        }
    }
    void unit(const SystemUnitClassType &u)
    {
        attributes(u.attributes);
        interfaces(u.interfaces);
        for (const InternalElement &e : u.internalElements)
            element(e);
        add(u"SupportedRoleClass"_s, u.supportedRoleClasses.size());
        for (const SupportedRoleClass &s : u.supportedRoleClasses)
            mapping(s.mappingObject);
        add(u"InternalLink"_s, u.internalLinks.size());
    }
    void element(const InternalElement &e)
    {
        add(u"InternalElement"_s, 1);
        unit(e);
        add(u"RoleRequirements"_s, e.roleRequirements.size());
        for (const RoleRequirements &r : e.roleRequirements) {
            attributes(r.attributes);
            interfaces(r.interfaces);
            mapping(r.mappingObject);
        }
        mapping(e.mappingObject);
    }
    void systemUnitClass(const SystemUnitClass &c)
    {
        add(u"SystemUnitClass"_s, 1);
        unit(c);
        for (const SystemUnitClass &sub : c.systemUnitClasses)
            systemUnitClass(sub);
    }
    void roleClass(const RoleClass &c)
    {
        add(u"RoleClass"_s, 1);
        attributes(c.attributes);
        interfaces(c.interfaces);
        for (const RoleClass &sub : c.roleClasses)
            roleClass(sub);
    }
    void interfaceClass(const InterfaceClass &c)
    {
        add(u"InterfaceClass"_s, 1);
        attributes(c.attributes);
        interfaces(c.interfaces);
        for (const InterfaceClass &sub : c.interfaceClasses)
            interfaceClass(sub);
    }
    void attributeType(const AttributeType &t)
    {
        add(u"AttributeType"_s, 1);
        attributeParts(t); // its nested <Attribute>s count as Attribute, like in INDEX.tsv
        for (const AttributeType &sub : t.attributeTypes)
            attributeType(sub);
    }
};

} // namespace

qsizetype countInstances(const CaexFile &file)
{
    qsizetype n = 0;
    for (const InstanceHierarchy &hierarchy : file.instanceHierarchies)
        n += countElements(hierarchy.internalElements);
    return n;
}

QMap<QString, qint64> countModelElements(const CaexFile &file)
{
    ModelCounter counter;
    counter.file(file);
    return counter.counts;
}

bool hasWarning(const Diagnostics &diagnostics, const QString &fragment, qint64 line, qint64 column)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Warning && d.message.contains(fragment)
            && d.position.line == line && d.position.column == column) {
            return true;
        }
    }
    return false;
}

QString listDiagnostics(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(u'\n');
}

void defineHostileInputTable()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error"); // a fragment of the message; empty: must succeed
    QTest::addColumn<int>("line"); // of the error
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("internalElements"); // on success: how many were read

    const QByteArray head = XmlDeclaration + Root30 + Sdi;
    const QByteArray ih = "  <InstanceHierarchy Name=\"H\">\n";

    // Not XML at all.
    QTest::newRow("empty file") << QByteArray() << u"Premature end of document"_s << 1 << 1 << -1;
    QTest::newRow("whitespace only")
        << QByteArray("  \n\n  ") << u"Premature end of document"_s << 3 << 3 << -1;
    QTest::newRow("plain text") << QByteArray("this is not xml") << u"Start tag expected"_s << 1
                                << 1 << -1;
    QTest::newRow("binary garbage")
        << bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR") << u"incorrectly encoded"_s << 1 << 1 << -1;
    QTest::newRow("only a comment")
        << QByteArray("<!-- nothing here -->\n") << u"Premature end of document"_s << 2 << 1 << -1;
    QTest::newRow("XML declaration not at start")
        << QByteArray(" <?xml version=\"1.0\"?>\n<CAEXFile/>")
        << u"XML declaration not at start of document"_s << 1 << 22 << -1;

    // Truncated files.
    QTest::newRow("truncated in start tag")
        << XmlDeclaration + "<CAEXFile SchemaVersion=\"3.0\" Fil" << u"Premature end of document"_s
        << 2 << 34 << -1;
    QTest::newRow("truncated in attribute value")
        << head + "  <InstanceHierarchy Name=\"Pla" << u"Premature end of document"_s << 4 << 31
        << -1;
    QTest::newRow("truncated after a start tag") << head + ih + "    <InternalElement Name=\"A\">"
                                                 << u"Premature end of document"_s << 5 << 31 << -1;
    QTest::newRow("truncated in text")
        << head + ih + "    <InternalElement Name=\"A\">\n      <Attribute Name=\"x\"><Value>12"
        << u"Premature end of document"_s << 6 << 36 << -1;
    QTest::newRow("root never closed") << head + ih + "  </InstanceHierarchy>\n"
                                       << u"Premature end of document"_s << 6 << 1 << -1;
    // The reader points at the start of the comment that never ends.
    QTest::newRow("unterminated comment") << head + "  <!-- never closed\n"
                                          << u"Premature end of document"_s << 4 << 3 << -1;
    QTest::newRow("unterminated CDATA") << head + ih + "  <Description><![CDATA[never closed"
                                        << u"Premature end of document"_s << 5 << 37 << -1;
    QTest::newRow("unterminated processing instruction")
        << head + "  <?vendor never closed" << u"Premature end of document"_s << 4 << 24 << -1;

    // Wrong structure.
    QTest::newRow("mismatched end tag") << doc30(ih + "  </InternalElement>\n")
                                        << u"Opening and ending tag mismatch"_s << 5 << 20 << -1;
    QTest::newRow("wrong nesting")
        << doc30("  <InstanceHierarchy Name=\"H\"><InternalElement Name=\"A\"></InstanceHierarchy>"
                 "</InternalElement>\n")
        << u"Opening and ending tag mismatch"_s << 4 << 76 << -1;
    QTest::newRow("second root element") << doc30("") + "<CAEXFile/>\n"
                                         << u"Extra content at end of document"_s << 5 << 11 << -1;
    QTest::newRow("text after the root")
        << doc30("") + "trailing" << u"Extra content at end of document"_s << 5 << 1 << -1;
    QTest::newRow("non-CAEX root")
        << QByteArray("<html>\n  <body/>\n</html>\n") << u"not a CAEX document"_s << 1 << 7 << -1;
    QTest::newRow("CAEXFile in a foreign namespace")
        << QByteArray("<CAEXFile xmlns=\"urn:not-caex\" SchemaVersion=\"3.0\"/>")
        << u"not the CAEX namespace"_s << 1 << 53 << -1;

    // Bad characters and encodings.
    QTest::newRow("invalid UTF-8 byte in an attribute")
        << doc30("  <InstanceHierarchy Name=\"bad\xFF\xFEname\"/>\n") << u"incorrectly encoded"_s
        << 4 << 31 << -1;
    QTest::newRow("truncated UTF-8 sequence")
        << doc30(ih + "    <!-- \xE2\x82 -->\n  </InstanceHierarchy>\n") << u"incorrectly encoded"_s
        << 5 << 10 << -1;
    QTest::newRow("overlong UTF-8 encoding of '/'")
        << doc30("  <InstanceHierarchy Name=\"a\xC0\xAF\"/>\n") << u"incorrectly encoded"_s << 4
        << 29 << -1;
    QTest::newRow("UTF-8 encoded surrogate")
        << doc30("  <InstanceHierarchy Name=\"\xED\xA0\x80\"/>\n") << u"incorrectly encoded"_s << 4
        << 28 << -1;
    QTest::newRow("declared encoding that does not exist")
        << QByteArray("<?xml version=\"1.0\" encoding=\"klingon-8\"?>\n<CAEXFile/>")
        << u"Encoding klingon-8 is unsupported"_s << 1 << 42 << -1;
    QTest::newRow("byte order mark after the declaration")
        << XmlDeclaration + "\xEF\xBB\xBF" + Root30 + Sdi + "</CAEXFile>\n"
        << u"Start tag expected"_s << 2 << 1 << -1;
    QTest::newRow("NUL byte in an attribute")
        << doc30(bytes("  <InstanceHierarchy Name=\"a\0b\"/>\n")) << u"control character"_s << 4
        << 29 << -1;
    QTest::newRow("NUL byte in text") << doc30(bytes("  <Description>a\0b</Description>\n"))
                                      << u"control character"_s << 4 << 17 << -1;
    QTest::newRow("control character U+0001") << doc30("  <Description>a\x01z</Description>\n")
                                              << u"control character"_s << 4 << 17 << -1;
    QTest::newRow("character reference to NUL")
        << doc30("  <Description>&#0;</Description>\n") << u"Invalid character reference"_s << 4
        << 19 << -1;
    QTest::newRow("character reference to a surrogate")
        << doc30("  <Description>&#xD800;</Description>\n") << u"Invalid character reference"_s << 4
        << 23 << -1;

    // Attributes and namespaces.
    QTest::newRow("duplicate attribute") << doc30("  <InstanceHierarchy Name=\"a\" Name=\"b\"/>\n")
                                         << u"Attribute 'Name' redefined"_s << 4 << 40 << -1;
    QTest::newRow("undeclared element prefix")
        << doc30("  <v:Extension/>\n") << u"Namespace prefix 'v' not declared"_s << 4 << 16 << -1;
    QTest::newRow("undeclared attribute prefix")
        << doc30("  <InstanceHierarchy v:x=\"1\" Name=\"a\"/>\n")
        << u"Namespace prefix 'v' not declared"_s << 4 << 39 << -1;
    QTest::newRow("unquoted attribute value")
        << doc30("  <InstanceHierarchy Name=a/>\n") << u"Expected '''"_s << 4 << 27 << -1;
    QTest::newRow("'<' in an attribute value")
        << doc30("  <InstanceHierarchy Name=\"a<b\"/>\n") << u"'<'"_s << 4 << 29 << -1;
    QTest::newRow("bare '&' in text")
        << doc30("  <Description>a & b</Description>\n") << u"Expected"_s << 4 << 19 << -1;

    // Names the XML parser lets through unchecked (it only checks element names).
    QTest::newRow("NUL byte in an attribute name")
        << doc30(bytes("  <InstanceHierarchy Name=\"H\" Tag\0=\"1\"/>\n"))
        << u"Invalid XML name in an attribute name: 'TagU+0000'"_s << 4 << 3 << -1;
    QTest::newRow("'}' in an attribute name")
        << doc30("  <InstanceHierarchy Name=\"H\" Ta}g=\"1\"/>\n")
        << u"Invalid XML name in an attribute name: 'Ta}g'"_s << 4 << 3 << -1;
    QTest::newRow("control character in an attribute name")
        << doc30("  <InstanceHierarchy Name=\"H\" v:Ta\x01g=\"1\" xmlns:v=\"urn:v\"/>\n")
        << u"Invalid XML name in an attribute name: 'v:TaU+0001g'"_s << 4 << 3 << -1;
    QTest::newRow("U+0080 in an attribute name of verbatim XML")
        << doc30("  <AdditionalInformation><x b\xC2\x80"
                 "c=\"1\"/></AdditionalInformation>\n")
        << u"Invalid XML name in an attribute name: 'bU+0080c'"_s << 4 << 26 << -1;
    QTest::newRow("non-character U+FFFE in an attribute name of a text element")
        << doc30("  <Description x\xEF\xBF\xBE=\"1\">text</Description>\n")
        << u"Invalid XML name in an attribute name"_s << 4 << 3 << -1;
    QTest::newRow("control character in a namespace prefix")
        << doc30("  <InstanceHierarchy Name=\"H\" xmlns:p\x01=\"urn:x\"/>\n")
        << u"Invalid XML name in a namespace prefix: 'pU+0001'"_s << 4 << 3 << -1;

    // Entities and DTDs: never expanded, never fetched.
    QTest::newRow("billion laughs")
        << billionLaughs() << u"entity declarations are not allowed"_s << 2 << 1 << -1;
    QTest::newRow("external entity file:///etc/passwd")
        << XmlDeclaration + "<!DOCTYPE CAEXFile [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
            + Root30 + Sdi + "  <InstanceHierarchy Name=\"&xxe;\"/>\n</CAEXFile>\n"
        << u"entity declarations are not allowed"_s << 2 << 1 << -1;
    QTest::newRow("external parameter entity") << XmlDeclaration
            + "<!DOCTYPE CAEXFile [\n  <!ENTITY % ext SYSTEM \"file:///etc/passwd\">\n  %ext;\n]>\n"
            + Root30 + Sdi + "</CAEXFile>\n" << u"entity declarations are not allowed"_s
                                               << 2 << 1 << -1;
    QTest::newRow("external DTD subset")
        << XmlDeclaration + "<!DOCTYPE CAEXFile SYSTEM \"http://example.invalid/caex.dtd\">\n"
            + Root30 + Sdi + "</CAEXFile>\n"
        << u"external DTDs are not allowed"_s << 2 << 1 << -1;
    QTest::newRow("undeclared entity reference") << doc30("  <InstanceHierarchy Name=\"&xxe;\"/>\n")
                                                 << u"Entity 'xxe' not declared"_s << 4 << 32 << -1;

    // Resource limits.
    QTest::newRow("nesting beyond maxDepth") << doc30("  <InstanceHierarchy Name=\"H\">"
        + nested("<InternalElement Name=\"x\">", "</InternalElement>", 600)
        + "</InstanceHierarchy>\n") << u"nested deeper than 512 levels"_s
                                             << 4 << 31 + 510 * 26 << -1;
    QTest::newRow("nesting beyond maxDepth in verbatim XML") << doc30(
        "  <AdditionalInformation>" + nested("<x>", "</x>", 1000) + "</AdditionalInformation>\n")
                                                             << u"nested deeper than 512 levels"_s
                                                             << 4 << 26 + 510 * 3 << -1;
    QTest::newRow("100000 levels")
        << doc30(nested("<InstanceHierarchy>", "</InstanceHierarchy>", 100000))
        << u"nested deeper than 512 levels"_s << 4 << 1 + 511 * 19 << -1;

    // Well-formed but odd or semantically broken: reading succeeds, checking is the validator's.
    QTest::newRow("UTF-8 byte order mark") << "\xEF\xBB\xBF"
            + doc30(ih + "    <InternalElement Name=\"A\"/>\n  </InstanceHierarchy>\n")
                                           << QString() << 0 << 0 << 1;
    QTest::newRow("UTF-16LE with byte order mark") << utf16LittleEndianWithBom(
        doc30(ih + "    <InternalElement Name=\"\xC3\xA4\"/>\n  </InstanceHierarchy>\n"))
                                                   << QString() << 0 << 0 << 1;
    QTest::newRow("huge attribute value (16 MB)") << doc30(ih + "    <InternalElement Name=\""
        + QByteArray(16 << 20, 'x') + "\"/>\n  </InstanceHierarchy>\n")
                                                  << QString() << 0 << 0 << 1;
    QTest::newRow("DTD without entities")
        << XmlDeclaration + "<!DOCTYPE CAEXFile>\n" + Root30 + Sdi + "</CAEXFile>\n"
        << QString() << 0 << 0 << 0;
    QTest::newRow("comments and processing instructions everywhere") << doc30(
        "  <!-- c --><?pi data?>\n" + ih
        + "    <InternalElement Name=\"A\"><!-- c --><?pi?></InternalElement>\n"
          "  </InstanceHierarchy>\n") << QString() << 0 << 0 << 1;
    QTest::newRow("dangling references") << doc30(ih
        + "    <InternalElement Name=\"A\" RefBaseSystemUnitPath=\"Nowhere/Nothing\">\n"
          "      <ExternalInterface Name=\"P\" RefBaseClassPath=\"Missing/Port\"/>\n"
          "      <SupportedRoleClass RefRoleClassPath=\"Missing/Role\"/>\n"
          "    </InternalElement>\n  </InstanceHierarchy>\n")
                                         << QString() << 0 << 0 << 1;
    QTest::newRow("link to partners that do not exist") << doc30(ih
        + "    <InternalElement Name=\"A\" ID=\"a\">\n"
          "      <InternalLink Name=\"L\" RefPartnerSideA=\"ghost:P\" RefPartnerSideB=\"b:Q\"/>\n"
          "    </InternalElement>\n  </InstanceHierarchy>\n")
                                                        << QString() << 0 << 0 << 1;
    QTest::newRow("duplicate IDs") << doc30(ih
        + "    <InternalElement Name=\"A\" ID=\"same\"/>\n"
          "    <InternalElement Name=\"B\" ID=\"same\"/>\n  </InstanceHierarchy>\n")
                                   << QString() << 0 << 0 << 2;
    QTest::newRow("class derivation cycle")
        << doc30("  <SystemUnitClassLib Name=\"L\">\n"
                 "    <SystemUnitClass Name=\"A\" RefBaseClassPath=\"L/B\"/>\n"
                 "    <SystemUnitClass Name=\"B\" RefBaseClassPath=\"L/A\"/>\n"
                 "  </SystemUnitClassLib>\n")
        << QString() << 0 << 0 << 0;
}

void defineLenientTable()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("warning");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    const QByteArray ih = "  <InstanceHierarchy Name=\"H\">\n";
    const QByteArray ihEnd = "  </InstanceHierarchy>\n";

    QTest::newRow("InternalElement without Name")
        << doc30(ih + "    <InternalElement ID=\"1\"/>\n" + ihEnd)
        << u"<InternalElement> has no Name"_s << 5 << 5;
    QTest::newRow("Attribute without Name")
        << doc30(ih + "    <InternalElement Name=\"e\"><Attribute/></InternalElement>\n" + ihEnd)
        << u"<Attribute> has no Name"_s << 5 << 31;
    QTest::newRow("3.0 without SourceDocumentInformation")
        << XmlDeclaration + Root30 + "</CAEXFile>\n"
        << u"<CAEXFile> has no SourceDocumentInformation"_s << 2 << 79;
    QTest::newRow("InternalLink without RefPartnerSideA") << doc30(ih
        + "    <InternalElement Name=\"e\">\n"
          "      <InternalLink Name=\"L\" RefPartnerSideB=\"x:y\"/>\n"
          "    </InternalElement>\n"
        + ihEnd) << u"<InternalLink> has no RefPartnerSideA"_s
                                                          << 6 << 7;
    QTest::newRow("InternalLink without RefPartnerSideB") << doc30(ih
        + "    <InternalElement Name=\"e\">\n"
          "      <InternalLink Name=\"L\" RefPartnerSideA=\"x:y\"/>\n"
          "    </InternalElement>\n"
        + ihEnd) << u"<InternalLink> has no RefPartnerSideB"_s
                                                          << 6 << 7;
    QTest::newRow("unknown ChangeMode")
        << doc30(ih + "    <InternalElement Name=\"e\" ChangeMode=\"modify\"/>\n" + ihEnd)
        << u"unknown ChangeMode 'modify'"_s << 5 << 5;
    QTest::newRow("no SchemaVersion, CAEX namespace")
        << XmlDeclaration + "<CAEXFile FileName=\"t.aml\" xmlns=\"http://www.dke.de/CAEX\">\n" + Sdi
            + "</CAEXFile>\n"
        << u"no SchemaVersion; read as CAEX 3.0"_s << 2 << 59;
    QTest::newRow("no SchemaVersion, no namespace")
        << XmlDeclaration + "<CAEXFile FileName=\"t.aml\"/>\n"
        << u"no SchemaVersion; read as CAEX 2.15"_s << 2 << 29;
    QTest::newRow("unknown SchemaVersion")
        << XmlDeclaration + "<CAEXFile SchemaVersion=\"4.0\" FileName=\"t.aml\"/>\n"
        << u"unknown SchemaVersion '4.0'; read as CAEX 2.15"_s << 2 << 49;
    QTest::newRow("3.0 without namespace")
        << XmlDeclaration + "<CAEXFile SchemaVersion=\"3.0\" FileName=\"t.aml\">\n" + Sdi
            + "</CAEXFile>\n"
        << u"CAEX 3.0 document without the CAEX namespace"_s << 2 << 48;
    QTest::newRow("no FileName") << XmlDeclaration + "<CAEXFile SchemaVersion=\"2.15\"/>\n"
                                 << u"<CAEXFile> has no FileName"_s << 2 << 33;
    QTest::newRow("text between elements")
        << doc30(ih + "    <InternalElement Name=\"e\">stray text</InternalElement>\n" + ihEnd)
        << u"text content outside a text element ignored"_s << 5 << 31;
    QTest::newRow("unknown attribute without namespace")
        << doc30(ih + "    <InternalElement Name=\"e\" Colour=\"red\"/>\n" + ihEnd)
        << u"unknown attribute 'Colour' on <InternalElement> kept verbatim"_s << 5 << 5;
    QTest::newRow("unknown CAEX element")
        << doc30(ih + "    <InternalElement Name=\"e\"><Frobnicator/></InternalElement>\n" + ihEnd)
        << u"unknown element <Frobnicator> in <InternalElement> kept verbatim"_s << 5 << 31;
    QTest::newRow("known element in the wrong place") << doc30(ih
        + "    <InternalElement Name=\"e\"><Attribute Name=\"a\"><InternalElement "
          "Name=\"x\"/></Attribute></InternalElement>\n"
        + ihEnd) << u"<InternalElement> is not expected in <Attribute>"_s
                                                      << 5 << 51;
    QTest::newRow("second Description")
        << doc30(ih + "    <Description>a</Description><Description>b</Description>\n" + ihEnd)
        << u"second <Description>"_s << 5 << 33;
    QTest::newRow("second Value") << doc30(ih
        + "    <InternalElement Name=\"e\"><Attribute Name=\"a\"><Value>1</Value>"
          "<Value>2</Value></Attribute></InternalElement>\n"
        + ihEnd) << u"second <Value>"_s
                                  << 5 << 67;
    QTest::newRow("second MappingObject") << doc215(
        "  <InstanceHierarchy Name=\"H\">\n    <InternalElement Name=\"e\"><MappingObject/>"
        "<MappingObject/></InternalElement>\n"
        + ihEnd) << u"second <MappingObject> in <InternalElement>"_s
                                          << 4 << 47;
    QTest::newRow("Constraint without a requirement") << doc30(ih
        + "    <InternalElement Name=\"e\"><Attribute Name=\"a\"><Constraint "
          "Name=\"c\"/></Attribute></InternalElement>\n"
        + ihEnd) << u"<Constraint> has no OrdinalScaledType"_s
                                                      << 5 << 51;
    QTest::newRow("SupportedRoleClass without path")
        << doc30(ih + "    <InternalElement Name=\"e\"><SupportedRoleClass/></InternalElement>\n"
               + ihEnd)
        << u"<SupportedRoleClass> has no RefRoleClassPath"_s << 5 << 31;
    QTest::newRow("RoleRequirements without path in 3.0")
        << doc30(ih + "    <InternalElement Name=\"e\"><RoleRequirements/></InternalElement>\n"
               + ihEnd)
        << u"<RoleRequirements> has no RefBaseRoleClassPath"_s << 5 << 31;
    QTest::newRow("RefSemantic without path") << doc30(ih
        + "    <InternalElement Name=\"e\"><Attribute Name=\"a\"><RefSemantic/>"
          "</Attribute></InternalElement>\n"
        + ihEnd) << u"<RefSemantic> has no CorrespondingAttributePath"_s
                                              << 5 << 51;
    QTest::newRow("ExternalReference without Alias")
        << doc30("  <ExternalReference Path=\"x.aml\"/>\n") << u"<ExternalReference> has no Alias"_s
        << 4 << 3;
    QTest::newRow("Revision without AuthorName")
        << doc30("  <Revision><RevisionDate>2024-01-01T00:00:00</RevisionDate></Revision>\n")
        << u"<Revision> has no AuthorName"_s << 4 << 3;
    QTest::newRow("SourceDocumentInformation without OriginID")
        << XmlDeclaration + Root30
            + "  <SourceDocumentInformation OriginName=\"t\" OriginVersion=\"1\" "
              "LastWritingDateTime=\"2024-01-01T00:00:00\"/>\n</CAEXFile>\n"
        << u"<SourceDocumentInformation> has no OriginID"_s << 3 << 3;
    QTest::newRow("attribute on a text element")
        << doc30("  <Version Colour=\"red\">1</Version>\n")
        << u"attribute 'Colour' on <Version> has no place in the model"_s << 4 << 3;
    QTest::newRow("DTD without entities")
        << XmlDeclaration + "<!DOCTYPE CAEXFile>\n" + Root30 + Sdi + "</CAEXFile>\n"
        << u"DTD ignored"_s << 2 << 1;
}

QByteArray fullCaex30Document()
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<CAEXFile SchemaVersion="3.0" FileName="full.aml" ChangeMode="change" xmlns="http://www.dke.de/CAEX" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.dke.de/CAEX CAEX_ClassModel_V.3.0.xsd" xmlns:v="urn:vendor" v:flag="1">
  <Description ChangeMode="create">The plant</Description>
  <Version>1.2</Version>
  <Revision ChangeMode="delete">
    <RevisionDate>2024-01-02T03:04:05</RevisionDate>
    <OldVersion>1.1</OldVersion>
    <NewVersion>1.2</NewVersion>
    <AuthorName>Ada</AuthorName>
    <Comment>tuned</Comment>
  </Revision>
  <Revision><RevisionDate>2024-02-01T00:00:00</RevisionDate><AuthorName>Bob</AuthorName></Revision>
  <Copyright ChangeMode="change">(c) us</Copyright>
  <AdditionalInformation AutomationMLVersion="2.0"/>
  <SourceObjectInformation OriginID="tool-id" SourceObjID="42"/>
  <SuperiorStandardVersion>AutomationML 2.10</SuperiorStandardVersion>
  <SuperiorStandardVersion>AutomationML 2.11</SuperiorStandardVersion>
  <SourceDocumentInformation OriginName="Tool" OriginID="tool-id" OriginVendor="Vendor" OriginVendorURL="https://vendor.example" OriginVersion="4.5" OriginRelease="4.5.1" LastWritingDateTime="2024-03-04T05:06:07" OriginProjectTitle="Plant" OriginProjectID="P-1" v:extra="yes"/>
  <SourceDocumentInformation OriginName="Other" OriginID="o" OriginVersion="1" LastWritingDateTime="2024-01-01T00:00:00"/>
  <ExternalReference Path="lib.aml" Alias="Lib" ChangeMode="create"/>
  <InstanceHierarchy Name="Plant" ID="ih1" ChangeMode="change">
    <Version ChangeMode="delete">7</Version>
    <InternalElement Name="Tank" ID="ie1" RefBaseSystemUnitPath="SUCLib/Tank" ChangeMode="create">
      <Attribute Name="Level" ID="a1" Unit="m" AttributeDataType="xs:double" RefAttributeType="ATLib/Length" ChangeMode="change">
        <Description>fill level</Description>
        <DefaultValue>0</DefaultValue>
        <Value>1.5</Value>
        <RefSemantic CorrespondingAttributePath="ECLASS:0173-1#02-AAB713#005" ChangeMode="create"/>
        <RefSemantic CorrespondingAttributePath="IEC:123"/>
        <Constraint Name="Range" ChangeMode="delete">
          <OrdinalScaledType>
            <RequiredMaxValue>10</RequiredMaxValue>
            <RequiredValue>5</RequiredValue>
            <RequiredMinValue>0</RequiredMinValue>
          </OrdinalScaledType>
        </Constraint>
        <Constraint Name="Choice">
          <NominalScaledType>
            <RequiredValue>0</RequiredValue>
            <RequiredValue>1.5</RequiredValue>
          </NominalScaledType>
        </Constraint>
        <Constraint Name="Free">
          <UnknownType>
            <Requirements>must be sane</Requirements>
          </UnknownType>
        </Constraint>
        <Constraint Name="Bounded">
          <OrdinalScaledType ChangeMode="create">
            <RequiredMinValue>1</RequiredMinValue>
          </OrdinalScaledType>
        </Constraint>
        <Attribute Name="Sub" AttributeDataType="xs:string">
          <Value>inner</Value>
        </Attribute>
      </Attribute>
      <ExternalInterface Name="In" ID="ei1" RefBaseClassPath="ICLib/Port" ChangeMode="change">
        <Attribute Name="Direction"><Value>In</Value></Attribute>
        <ExternalInterface Name="Pin" ID="ei1a" RefBaseClassPath="ICLib/Port"/>
      </ExternalInterface>
      <ExternalInterface Name="Out" ID="ei2" RefBaseClassPath="ICLib/Port"/>
      <InternalElement Name="Valve" ID="ie2">
        <ExternalInterface Name="In" ID="ei3" RefBaseClassPath="ICLib/Port"/>
      </InternalElement>
      <SupportedRoleClass RefRoleClassPath="RCLib/Vessel" ChangeMode="create">
        <MappingObject>
          <AttributeNameMapping SystemUnitAttributeName="Level" RoleAttributeName="FillLevel"/>
          <InterfaceIDMapping SystemUnitInterfaceID="ei1" RoleInterfaceID="rei1"/>
        </MappingObject>
      </SupportedRoleClass>
      <InternalLink Name="L1" ID="il1" RefPartnerSideA="ei2" RefPartnerSideB="ie2:In" ChangeMode="create"/>
      <RoleRequirements RefBaseRoleClassPath="RCLib/Vessel" ChangeMode="change">
        <Attribute Name="Volume" Unit="l"><Value>100</Value></Attribute>
        <ExternalInterface Name="Drain" ID="rr-ei" RefBaseClassPath="ICLib/Port"/>
        <MappingObject ChangeMode="create">
          <AttributeNameMapping SystemUnitAttributeName="Level" RoleAttributeName="Volume" ChangeMode="delete"/>
          <InterfaceIDMapping SystemUnitInterfaceID="ei2" RoleInterfaceID="rr-ei" ChangeMode="change"/>
        </MappingObject>
      </RoleRequirements>
      <RoleRequirements RefBaseRoleClassPath="RCLib/Asset"/>
    </InternalElement>
  </InstanceHierarchy>
  <InterfaceClassLib Name="ICLib" ID="icl" ChangeMode="change">
    <Version>1.0</Version>
    <InterfaceClass Name="Port" ID="ic1" RefBaseClassPath="AutomationMLInterfaceClassLib/AutomationMLBaseInterface">
      <Attribute Name="Direction" AttributeDataType="xs:string"/>
      <ExternalInterface Name="Pin" ID="ic1-pin"/>
      <InterfaceClass Name="FluidPort" RefBaseClassPath="ICLib/Port"/>
    </InterfaceClass>
  </InterfaceClassLib>
  <RoleClassLib Name="RCLib">
    <RoleClass Name="Vessel" RefBaseClassPath="AutomationMLBaseRoleClassLib/AutomationMLBaseRole" ChangeMode="create">
      <Attribute Name="FillLevel" Unit="m"/>
      <ExternalInterface Name="Inlet" ID="rei1" RefBaseClassPath="ICLib/Port"/>
      <RoleClass Name="PressureVessel" RefBaseClassPath="RCLib/Vessel"/>
    </RoleClass>
    <RoleClass Name="Asset"/>
  </RoleClassLib>
  <SystemUnitClassLib Name="SUCLib">
    <SystemUnitClass Name="Tank" ID="suc1" RefBaseClassPath="SUCLib/Base">
      <Attribute Name="Level" Unit="m"/>
      <ExternalInterface Name="In" ID="suc1-in" RefBaseClassPath="ICLib/Port"/>
      <InternalElement Name="Valve" ID="suc1-ie"/>
      <SupportedRoleClass RefRoleClassPath="RCLib/Vessel"/>
      <InternalLink Name="Inner" RefPartnerSideA="suc1-in" RefPartnerSideB="suc1-ie:In"/>
      <SystemUnitClass Name="BigTank" RefBaseClassPath="SUCLib/Tank"/>
    </SystemUnitClass>
    <SystemUnitClass Name="Base"/>
  </SystemUnitClassLib>
  <AttributeTypeLib Name="ATLib">
    <AttributeType Name="Length" Unit="m" AttributeDataType="xs:double">
      <DefaultValue>0</DefaultValue>
      <Attribute Name="Tolerance" Unit="mm"/>
      <AttributeType Name="Height" Unit="m" AttributeDataType="xs:double" RefAttributeType="ATLib/Length"/>
    </AttributeType>
  </AttributeTypeLib>
</CAEXFile>
)";
}

QByteArray fullCaex215Document()
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<CAEXFile FileName="old.aml" SchemaVersion="2.15" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="CAEX_ClassModel_V2.15.xsd">
  <AdditionalInformation AutomationMLVersion="2.0"/>
  <AdditionalInformation>
    <WriterHeader>
      <WriterName>Editor</WriterName>
      <WriterID>ed</WriterID>
      <WriterVendor>AML</WriterVendor>
      <WriterVersion>5.0</WriterVersion>
      <LastWritingDateTime>2020-01-01T00:00:00</LastWritingDateTime>
    </WriterHeader>
  </AdditionalInformation>
  <ExternalReference Path="Libs/RoleLib.aml" Alias="RoleLib"/>
  <InstanceHierarchy Name="IH">
    <Version>3</Version>
    <InternalElement Name="Robot" ID="r1" RefBaseSystemUnitPath="SUCs/Robot">
      <Attribute Name="Payload" Unit="kg" AttributeDataType="xs:double">
        <DefaultValue>5</DefaultValue>
        <Value/>
        <Constraint Name="Max">
          <OrdinalScaledType>
            <RequiredMaxValue>12.5</RequiredMaxValue>
          </OrdinalScaledType>
        </Constraint>
      </Attribute>
      <ExternalInterface Name="Power" ID="r1-p" RefBaseClassPath="AutomationMLInterfaceClassLib/AutomationMLBaseInterface"/>
      <InternalLink Name="Link" RefPartnerSideA="r1:Power" RefPartnerSideB="r2:Power"/>
      <RoleRequirements RefBaseRoleClassPath="RoleLib@Roles/Robot">
        <Attribute Name="Load"/>
        <ExternalInterface Name="Supply" ID="rr-p"/>
      </RoleRequirements>
      <MappingObject ChangeMode="change">
        <AttributeNameMapping SystemUnitAttributeName="Payload" RoleAttributeName="Load"/>
        <InterfaceNameMapping SystemUnitInterfaceName="Power" RoleInterfaceName="Supply" ChangeMode="create"/>
      </MappingObject>
    </InternalElement>
  </InstanceHierarchy>
  <SystemUnitClassLib Name="SUCs">
    <Version>1</Version>
    <SystemUnitClass Name="Robot">
      <SupportedRoleClass RefRoleClassPath="RoleLib@Roles/Robot"/>
    </SystemUnitClass>
  </SystemUnitClassLib>
</CAEXFile>
)";
}

} // namespace dt::test::reader
