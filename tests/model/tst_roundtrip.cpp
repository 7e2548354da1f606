// SPDX-License-Identifier: GPL-3.0-or-later
// Reader + writer + dump over the shared corpus of real AutomationML files: writing a file and
// reading it back gives the same model, XSD-valid files stay valid, every 2.15 file converted to
// 3.0 is valid CAEX 3.0, and a 3.0 file taken to 2.15 and back keeps what 2.15 can hold.
#include "model/caexreader.h"
#include "model/caexwriter.h"
#include "model/conversion.h"
#include "model/jsondump.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace dt::model;

namespace {

/// INDEX.tsv: file name -> its last column ("XSD-valid", "XSD-invalid(n)").
QHash<QString, QString> corpusIndex()
{
    QHash<QString, QString> index;
    QFile file(dt::test::amlSamplesDir() + u"/INDEX.tsv"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return index;
    bool header = true;
    while (!file.atEnd()) {
        const QStringList columns = QString::fromUtf8(file.readLine()).trimmed().split(u'\t');
        if (header) {
            header = false;
            continue;
        }
        if (columns.size() >= 2)
            index.insert(columns.first(), columns.last());
    }
    return index;
}

/// One row per corpus file of the given version ("" for all).
void addCorpusRows(const QString &onlyVersion)
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("xsdValid");
    const QDir dir(dt::test::amlSamplesDir());
    if (!dir.exists())
        QSKIP("the shared AutomationML corpus (../shared/reference/aml-samples) is not available");
    const QHash<QString, QString> index = corpusIndex();
    const QStringList files = dir.entryList({ u"*.aml"_s }, QDir::Files, QDir::Name);
    int rows = 0;
    for (const QString &name : files) {
        CaexReader reader;
        const dt::Result<CaexFile> model = reader.readFile(dir.filePath(name));
        const QString version = model ? schemaVersionName(model->schemaVersion) : QString();
        if (!onlyVersion.isEmpty() && model && version != onlyVersion)
            continue;
        QTest::newRow(qPrintable(name))
            << dir.filePath(name) << (index.value(name) == u"XSD-valid");
        ++rows;
    }
    if (rows == 0)
        QSKIP("no corpus file of this version");
}

CaexFile load(const QString &path)
{
    CaexReader reader;
    dt::Result<CaexFile> model = reader.readFile(path);
    if (!model)
        qWarning("%s", qPrintable(model.error()));
    return model ? model.takeValue() : CaexFile();
}

bool loadBytes(const QByteArray &data, CaexFile *out, QString *error)
{
    CaexReader reader;
    dt::Result<CaexFile> model = reader.read(data, u"<written>"_s);
    if (!model) {
        *error = model.error();
        return false;
    }
    *out = model.takeValue();
    return true;
}

QByteArray write(const CaexFile &file, SchemaVersion version, QString *error)
{
    CaexWriter::Options options;
    options.version = version;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const dt::Result<void> r = CaexWriter(options).write(file, &buffer);
    if (!r)
        *error = r.error();
    return r ? buffer.data() : QByteArray();
}

/// Empty when equal, else the first differing line of two dumps with its number.
QString firstDifference(const QByteArray &a, const QByteArray &b)
{
    if (a == b)
        return QString();
    const QList<QByteArray> left = a.split('\n');
    const QList<QByteArray> right = b.split('\n');
    for (qsizetype i = 0; i < qMax(left.size(), right.size()); ++i) {
        const QByteArray l = left.value(i);
        const QByteArray r = right.value(i);
        if (l != r)
            return u"line %1:\n  expected: %2\n  actual:   %3"_s.arg(i + 1).arg(
                QString::fromUtf8(l), QString::fromUtf8(r));
    }
    return u"dumps differ"_s;
}

/// xmllint --noout --schema; empty when valid. Sets skipped when xmllint or the XSD is missing.
QString xmllint(const QString &schema, const QByteArray &document, bool *skipped)
{
    *skipped = QStandardPaths::findExecutable(u"xmllint"_s).isEmpty() || !QFile::exists(schema);
    if (*skipped)
        return QString();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"document.aml"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(document) != document.size())
        return u"cannot write a temporary file"_s;
    file.close();
    QProcess p;
    p.start(u"xmllint"_s, { u"--noout"_s, u"--schema"_s, schema, path });
    if (!p.waitForFinished(30000))
        return u"xmllint did not finish"_s;
    if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return QString();
    return QString::fromLocal8Bit(p.readAllStandardError()).left(2000);
}

QString schemaFor(SchemaVersion version)
{
    return version == SchemaVersion::V3_0 ? dt::test::caexXsd30() : dt::test::caexXsd215();
}

// ---- what a 3.0 model keeps through 2.15 (the documented losses, applied by hand) ----------

void stripInterfaces(NodeList<ExternalInterface> &list);
void stripAttributes(NodeList<Attribute> &list)
{
    for (Attribute &a : list) {
        a.refAttributeType.clear();
        stripAttributes(a.attributes);
    }
}
void stripInterfaces(NodeList<ExternalInterface> &list)
{
    for (ExternalInterface &i : list) {
        i.interfaces.clear();
        stripAttributes(i.attributes);
    }
}
void stripElements(NodeList<InternalElement> &list);
void stripUnit(SystemUnitClassType &u)
{
    stripAttributes(u.attributes);
    stripInterfaces(u.interfaces);
    stripElements(u.internalElements);
}
void stripElements(NodeList<InternalElement> &list)
{
    for (InternalElement &e : list) {
        stripUnit(e);
        while (e.roleRequirements.size() > 1)
            e.roleRequirements.removeLast();
        for (RoleRequirements &r : e.roleRequirements) {
            stripAttributes(r.attributes);
            stripInterfaces(r.interfaces);
        }
    }
}
void stripClasses(NodeList<SystemUnitClass> &list)
{
    for (SystemUnitClass &c : list) {
        stripUnit(c);
        stripClasses(c.systemUnitClasses);
    }
}
void stripRoles(NodeList<RoleClass> &list)
{
    for (RoleClass &c : list) {
        stripAttributes(c.attributes);
        stripInterfaces(c.interfaces);
        stripRoles(c.roleClasses);
    }
}
void stripInterfaceClasses(NodeList<InterfaceClass> &list)
{
    for (InterfaceClass &c : list) {
        c.interfaces.clear();
        stripAttributes(c.attributes);
        stripInterfaceClasses(c.interfaceClasses);
    }
}

/// Whether a fragment is just <AdditionalInformation AutomationMLVersion="..."/>.
bool isOnlyAmlVersion(const QString &xml)
{
    QXmlStreamReader reader(xml);
    if (!reader.readNextStartElement())
        return false;
    const QXmlStreamAttributes attributes = reader.attributes();
    if (attributes.size() != 1 || !attributes.hasAttribute(u"AutomationMLVersion"_s))
        return false;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement
            || (token == QXmlStreamReader::Characters && !reader.isWhitespace()))
            return false;
    }
    return true;
}

/// The 3.0 model as it must come back from 2.15: without what 2.15 cannot hold (see
/// conversion.h) and with the AutomationML version stated the CAEX 3.0 way.
CaexFile representableIn215(CaexFile f)
{
    bool aml = false;
    QStringList kept;
    for (const QString &v : std::as_const(f.superiorStandardVersions))
        aml = aml || v.startsWith(u"AutomationML"_s);
    if (f.header) {
        QList<XmlFragment> &info = f.header->additionalInformation;
        for (qsizetype i = info.size() - 1; i >= 0; --i) {
            if (isOnlyAmlVersion(info.at(i).xml)) {
                aml = true;
                info.removeAt(i);
            }
        }
    }
    f.superiorStandardVersions = aml ? QStringList { u"AutomationML 2.10"_s } : QStringList();
    for (SourceDocumentInformation &s : f.sourceDocumentInformation)
        s.unknownAttributes.clear();
    f.attributeTypeLibs.clear();
    for (InstanceHierarchy &h : f.instanceHierarchies)
        stripElements(h.internalElements);
    for (SystemUnitClassLib &lib : f.systemUnitClassLibs)
        stripClasses(lib.classes);
    for (RoleClassLib &lib : f.roleClassLibs)
        stripRoles(lib.classes);
    for (InterfaceClassLib &lib : f.interfaceClassLibs)
        stripInterfaceClasses(lib.classes);
    return f;
}

/// dump(read(write(model))) in 3.0: puts verbatim fragments in the form the reader gives them.
QByteArray normalizedDump(const CaexFile &model, QString *error)
{
    const QByteArray xml = write(model, SchemaVersion::V3_0, error);
    CaexFile reread;
    if (xml.isEmpty() || !loadBytes(xml, &reread, error))
        return QByteArray();
    return dumpJson(reread);
}

} // namespace

class TestRoundtrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeAndReadBack_data() { addCorpusRows(QString()); }
    void writeAndReadBack();
    void upgradeValidates_data() { addCorpusRows(u"2.15"_s); }
    void upgradeValidates();
    void downgradeAndBack_data() { addCorpusRows(u"3.0"_s); }
    void downgradeAndBack();
};

void TestRoundtrip::writeAndReadBack()
{
    QFETCH(QString, path);
    QFETCH(bool, xsdValid);
    CaexReader reader;
    dt::Result<CaexFile> original = reader.readFile(path);
    QVERIFY2(original.ok(), qPrintable(original.error()));
    const SchemaVersion version = original->schemaVersion;

    QString error;
    const QByteArray xml = write(*original, version, &error);
    QVERIFY2(!xml.isEmpty(), qPrintable(error));
    CaexFile reread;
    QVERIFY2(loadBytes(xml, &reread, &error), qPrintable(error));
    const QString difference = firstDifference(dumpJson(*original), dumpJson(reread));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));

    if (!xsdValid)
        return; // the source breaks the schema; only the round trip is checked
    bool skipped = false;
    const QString problems = xmllint(schemaFor(version), xml, &skipped);
    if (skipped)
        QSKIP("xmllint or the CAEX XSD is not available");
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestRoundtrip::upgradeValidates()
{
    QFETCH(QString, path);
    const CaexFile original = load(path);
    QCOMPARE(original.schemaVersion, SchemaVersion::V2_15);
    Diagnostics warnings;
    const CaexFile upgraded = convertTo(original, SchemaVersion::V3_0, &warnings);
    QCOMPARE(upgraded.schemaVersion, SchemaVersion::V3_0);
    QVERIFY(!upgraded.sourceDocumentInformation.isEmpty());
    QString error;
    const QByteArray xml = write(upgraded, SchemaVersion::V3_0, &error);
    QVERIFY2(!xml.isEmpty(), qPrintable(error));
    // Writing the 2.15 model with a 3.0 writer converts the same way.
    QCOMPARE(write(original, SchemaVersion::V3_0, &error).size() > 0, true);

    bool skipped = false;
    const QString problems = xmllint(dt::test::caexXsd30(), xml, &skipped);
    if (skipped)
        QSKIP("xmllint or the CAEX 3.0 XSD is not available");
    QString notes;
    for (const Diagnostic &w : std::as_const(warnings))
        notes += w.toString() + u'\n';
    QVERIFY2(problems.isEmpty(), qPrintable(problems + notes));
}

void TestRoundtrip::downgradeAndBack()
{
    QFETCH(QString, path);
    QFETCH(bool, xsdValid);
    const CaexFile original = load(path);
    QCOMPARE(original.schemaVersion, SchemaVersion::V3_0);

    QString error;
    const QByteArray xml215 = write(original, SchemaVersion::V2_15, &error);
    QVERIFY2(!xml215.isEmpty(), qPrintable(error));
    if (xsdValid) {
        bool skipped = false;
        const QString problems = xmllint(dt::test::caexXsd215(), xml215, &skipped);
        QVERIFY2(skipped || problems.isEmpty(), qPrintable(problems));
    }
    CaexFile read215;
    QVERIFY2(loadBytes(xml215, &read215, &error), qPrintable(error));
    QCOMPARE(read215.schemaVersion, SchemaVersion::V2_15);
    CaexFile back = convertTo(read215, SchemaVersion::V3_0);
    if (original.sourceDocumentInformation.isEmpty()) {
        // 3.0 requires one, so the way back adds ours; it is the only addition.
        QCOMPARE(back.sourceDocumentInformation.size(), 1);
        QCOMPARE(back.sourceDocumentInformation.first().originName, u"DT Workbench"_s);
        back.sourceDocumentInformation.clear();
    }

    const QByteArray expected = normalizedDump(representableIn215(original), &error);
    QVERIFY2(!expected.isEmpty(), qPrintable(error));
    const QByteArray actual = normalizedDump(back, &error);
    QVERIFY2(!actual.isEmpty(), qPrintable(error));
    const QString difference = firstDifference(expected, actual);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_GUILESS_MAIN(TestRoundtrip)
#include "tst_roundtrip.moc"
