// SPDX-License-Identifier: GPL-3.0-or-later
// dt-aml end to end: the built binary run with QProcess, its output and exit codes.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool crashed = false;

    QString describe() const
    {
        return u"exit %1%2\nstdout: %3\nstderr: %4"_s.arg(exitCode)
            .arg(crashed ? u" (crashed)"_s : QString(), QString::fromUtf8(out.left(1500)),
                 QString::fromUtf8(err.left(1500)));
    }
    /// Exactly one non-empty line on stderr.
    bool oneErrorLine() const
    {
        const QByteArray e = err.trimmed();
        return !e.isEmpty() && !e.contains('\n');
    }
};

Run dtAml(const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    Run run;
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(dt::test::dtAmlBinary(), arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        run.err = "dt-aml did not start or finish in time";
        return run;
    }
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray caex30(const QByteArray &body)
{
    // (Ordinary literals: moc's tokenizer trips over "<?xml" in a raw string.)
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<CAEXFile xmlns=\"http://www.dke.de/CAEX\" SchemaVersion=\"3.0\" FileName=\"t.aml\">\n"
           "  <SourceDocumentInformation OriginName=\"test\" OriginID=\"test\" OriginVersion=\"1\" "
           "LastWritingDateTime=\"2024-01-01T00:00:00\"/>\n" + body + "\n</CAEXFile>\n";
}

const QByteArray CleanBody = R"(  <InstanceHierarchy Name="H">
    <InternalElement Name="A" ID="a">
      <Attribute Name="Speed" AttributeDataType="xs:double" Unit="rpm"><Value>1450</Value></Attribute>
      <InternalElement Name="B" ID="b"/>
    </InternalElement>
  </InstanceHierarchy>)";

const QByteArray WarningBody = R"(  <InstanceHierarchy Name="H">
    <InternalElement Name="A" ID="a">
      <Attribute Name="On" AttributeDataType="xs:boolean"><Value>True</Value></Attribute>
    </InternalElement>
  </InstanceHierarchy>)";

const QByteArray ErrorBody = R"(  <InstanceHierarchy Name="H">
    <InternalElement Name="A" ID="same"/>
    <InternalElement Name="B" ID="same"/>
  </InstanceHierarchy>)";

// Parses "Key=12;Other=3" tokens of INDEX.tsv's features column.
QHash<QString, qint64> features(const QString &column)
{
    QHash<QString, qint64> result;
    static const QRegularExpression token(u"(?:^|[;\\s])([A-Za-z]+)=(\\d+)"_s);
    auto it = token.globalMatch(column);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        result.insert(m.captured(1), m.captured(2).toLongLong());
    }
    return result;
}

struct CorpusEntry
{
    QString file;
    QString version;
    QString features;
    bool xsdValid = false;
};

QList<CorpusEntry> corpus()
{
    QList<CorpusEntry> entries;
    QFile index(dt::test::amlSamplesDir() + u"/INDEX.tsv"_s);
    if (!index.open(QIODevice::ReadOnly))
        return entries;
    const QStringList lines = QString::fromUtf8(index.readAll()).split(u'\n', Qt::SkipEmptyParts);
    const QStringList header = lines.value(0).split(u'\t');
    const qsizetype nameColumn = header.indexOf(u"local_name"_s);
    const qsizetype versionColumn = header.indexOf(u"caex_version"_s);
    const qsizetype featuresColumn = header.indexOf(u"features"_s);
    const qsizetype xsdColumn = header.indexOf(u"xsd"_s);
    for (const QString &line : lines.mid(1)) {
        const QStringList cells = line.split(u'\t');
        entries.append({cells.value(nameColumn), cells.value(versionColumn),
                        cells.value(featuresColumn), cells.value(xsdColumn) == u"XSD-valid"_s});
    }
    return entries;
}

bool xmllintValidates(const QString &xsd, const QString &file, QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStandardPaths::findExecutable(u"xmllint"_s), {u"--noout"_s, u"--schema"_s, xsd, file});
    process.waitForFinished(60000);
    *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

class TestDtAml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpAndVersion();
    void usageErrors_data();
    void usageErrors();
    void unreadableInput_data();
    void unreadableInput();
    void infoCountsMatchCorpusIndex_data();
    void infoCountsMatchCorpusIndex();
    void validateExitCodes();
    void validateWithSchema();
    void validateExamples_data();
    void validateExamples();
    void validateSchemaWithoutXmllint();
    void convertValidatesAgainstXsd_data();
    void convertValidatesAgainstXsd();
    void convertToUnknownVersion();
    void dump();
    void query();
    void generateAndInfo();

private:
    QTemporaryDir m_dir;
    QString m_clean;
    QString m_warning;
    QString m_error;
};

void TestDtAml::initTestCase()
{
    QVERIFY2(QFileInfo(dt::test::dtAmlBinary()).isExecutable(),
             qPrintable(dt::test::dtAmlBinary() + u" is not built"_s));
    QVERIFY(m_dir.isValid());
    m_clean = m_dir.filePath(u"clean.aml"_s);
    m_warning = m_dir.filePath(u"warning.aml"_s);
    m_error = m_dir.filePath(u"error.aml"_s);
    QVERIFY(writeFile(m_clean, caex30(CleanBody)));
    QVERIFY(writeFile(m_warning, caex30(WarningBody)));
    QVERIFY(writeFile(m_error, caex30(ErrorBody)));
}

void TestDtAml::helpAndVersion()
{
    const Run version = dtAml({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.startsWith("dt-aml "), qPrintable(version.describe()));

    const Run help = dtAml({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    for (const char *command : {"info", "validate", "convert", "dump", "query", "generate"})
        QVERIFY2(help.out.contains(command), qPrintable(help.describe()));

    const Run commandHelp = dtAml({u"validate"_s, u"--help"_s});
    QCOMPARE(commandHelp.exitCode, 0);
    QVERIFY2(commandHelp.out.startsWith("Usage: dt-aml validate [options] FILE"),
             qPrintable(commandHelp.describe()));
    QVERIFY2(commandHelp.out.contains("--schema"), qPrintable(commandHelp.describe()));
}

void TestDtAml::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("nothing") << QStringList();
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s};
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s};
    QTest::newRow("info without file") << QStringList{u"info"_s};
    QTest::newRow("info with two files") << QStringList{u"info"_s, u"a.aml"_s, u"b.aml"_s};
    QTest::newRow("validate unknown option") << QStringList{u"validate"_s, u"--bogus"_s, u"x.aml"_s};
    QTest::newRow("validate schema without value") << QStringList{u"validate"_s, u"x.aml"_s, u"--schema"_s};
    QTest::newRow("convert without output") << QStringList{u"convert"_s, u"x.aml"_s};
    QTest::newRow("query without xpath") << QStringList{u"query"_s, u"x.aml"_s};
    QTest::newRow("generate without elements") << QStringList{u"generate"_s, u"-o"_s, u"x.aml"_s};
    QTest::newRow("generate without output") << QStringList{u"generate"_s, u"--elements"_s, u"5"_s};
    QTest::newRow("generate bad count") << QStringList{u"generate"_s, u"--elements"_s, u"many"_s, u"-o"_s, u"x.aml"_s};
    QTest::newRow("generate bad seed") << QStringList{u"generate"_s, u"--elements"_s, u"5"_s, u"--seed"_s, u"-1"_s, u"-o"_s, u"x.aml"_s};
}

void TestDtAml::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run run = dtAml(arguments);
    QVERIFY2(!run.crashed && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.oneErrorLine(), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
}

void TestDtAml::unreadableInput_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
    const QList<QPair<const char *, QByteArray>> inputs = {
        {"missing", QByteArray()},
        {"text", QByteArray("this is not XML at all\n")},
        {"binary", QByteArray("\x00\x01\x02\xff\xfe<" "\x00" "CAEX", 11)},
        {"truncated", caex30(CleanBody).left(300)},
        {"other xml", QByteArray("<?xml version=\"1.0\"?><html><body/></html>")},
        {"empty", QByteArray(" ")},
    };
    for (const char *command : {"info", "validate", "dump", "query", "convert"}) {
        for (const auto &[name, content] : inputs)
            QTest::addRow("%s %s", command, name) << QString::fromLatin1(command) << content;
    }
}

void TestDtAml::unreadableInput()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, content);
    const QString input = m_dir.filePath(u"input-%1.aml"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    if (!content.isEmpty())
        QVERIFY(writeFile(input, content));
    QStringList arguments{command, input};
    if (command == u"query"_s)
        arguments << u"//InternalElement"_s;
    if (command == u"convert"_s)
        arguments << u"-o"_s << m_dir.filePath(u"never-written.aml"_s);
    const Run run = dtAml(arguments);
    QVERIFY2(!run.crashed && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.oneErrorLine(), qPrintable(run.describe()));
    // The message names the input by the path it was given as.
    QVERIFY2(run.err.contains(input.toUtf8()), qPrintable(run.describe()));
    QVERIFY(!QFile::exists(m_dir.filePath(u"never-written.aml"_s)));
}

void TestDtAml::infoCountsMatchCorpusIndex_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("featureText");
    const QList<CorpusEntry> entries = corpus();
    if (entries.isEmpty())
        QTest::newRow("no corpus") << QString() << QString() << QString();
    for (const CorpusEntry &e : entries)
        QTest::newRow(qPrintable(e.file)) << e.file << e.version << e.features;
}

void TestDtAml::infoCountsMatchCorpusIndex()
{
    QFETCH(QString, file);
    QFETCH(QString, version);
    QFETCH(QString, featureText);
    if (file.isEmpty())
        QSKIP("the AML sample corpus (../shared/reference/aml-samples) is not available");

    const QString path = dt::test::amlSamplesDir() + u'/' + file;
    const Run run = dtAml({u"info"_s, path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(run.out, &error);
    QVERIFY2(json.isObject(), qPrintable(error.errorString() + u"\n"_s + run.describe()));
    const QJsonObject info = json.object();

    const QHash<QString, qint64> expected = features(featureText);
    const QList<QPair<QString, QString>> keys = {
        {u"InstanceHierarchy"_s, u"instanceHierarchies"_s},
        {u"InternalElement"_s, u"internalElements"_s},
        {u"SystemUnitClass"_s, u"systemUnitClasses"_s},
        {u"RoleClass"_s, u"roleClasses"_s},
        {u"InterfaceClass"_s, u"interfaceClasses"_s},
        {u"AttributeType"_s, u"attributeTypes"_s},
        {u"ExternalInterface"_s, u"externalInterfaces"_s},
        {u"InternalLink"_s, u"internalLinks"_s},
        {u"Attribute"_s, u"attributes"_s},
    };
    for (const auto &[feature, key] : keys) {
        QVERIFY2(info.value(key).isDouble(), qPrintable(key + u" missing"_s));
        QCOMPARE(qint64(info.value(key).toDouble()), expected.value(feature, 0));
    }
    QCOMPARE(info.value(u"schemaVersion"_s).toString(), version);
    QCOMPARE(info.value(u"fileName"_s).toString(), path);
    QVERIFY(info.value(u"warnings"_s).isDouble());
}

void TestDtAml::validateExitCodes()
{
    const Run clean = dtAml({u"validate"_s, m_clean});
    QVERIFY2(clean.exitCode == 0 && clean.out.isEmpty(), qPrintable(clean.describe()));

    const Run warning = dtAml({u"validate"_s, m_warning});
    QVERIFY2(warning.exitCode == 0, qPrintable(warning.describe()));
    const QString warningLine = QString::fromUtf8(warning.out).trimmed();
    QVERIFY2(warningLine.startsWith(m_warning + u":6:"_s), qPrintable(warning.describe()));
    QVERIFY2(warningLine.contains(u": warning: "_s), qPrintable(warning.describe()));

    const Run error = dtAml({u"validate"_s, m_error});
    QVERIFY2(error.exitCode == 1, qPrintable(error.describe()));
    const QString errorLine = QString::fromUtf8(error.out).trimmed();
    const QRegularExpression format(u"^(.+):(\\d+):(\\d+): (error|warning|info): (.+)$"_s);
    const QRegularExpressionMatch m = format.match(errorLine);
    QVERIFY2(m.hasMatch(), qPrintable(error.describe()));
    QCOMPARE(m.captured(1), m_error);
    QCOMPARE(m.captured(2), u"6"_s);
    QCOMPARE(m.captured(4), u"error"_s);
    QVERIFY2(m.captured(5).contains(u"duplicate ID 'same'"_s), qPrintable(error.describe()));

    const QString garbage = m_dir.filePath(u"garbage.aml"_s);
    QVERIFY(writeFile(garbage, "<CAEXFile><InstanceHierarchy Name='x'></CAEXFile>"));
    const Run broken = dtAml({u"validate"_s, garbage});
    QVERIFY2(broken.exitCode == 2 && broken.oneErrorLine(), qPrintable(broken.describe()));
}

void TestDtAml::validateWithSchema()
{
    const QString xsd = dt::test::caexXsd30();
    if (!QFileInfo::exists(xsd))
        QSKIP("the CAEX 3.0 XSD is not available");
    if (QStandardPaths::findExecutable(u"xmllint"_s).isEmpty())
        QSKIP("xmllint is not installed");

    const Run clean = dtAml({u"validate"_s, m_clean, u"--schema"_s, xsd});
    QVERIFY2(clean.exitCode == 0 && clean.out.isEmpty(), qPrintable(clean.describe()));

    // Fine for our reader (the unknown attribute is kept), not for the schema.
    const QString invalid = m_dir.filePath(u"xsd-invalid.aml"_s);
    QVERIFY(writeFile(invalid, caex30(R"(  <InstanceHierarchy Name="H">
    <InternalElement Name="A" ID="a" Colour="red"/>
  </InstanceHierarchy>)")));
    const Run plain = dtAml({u"validate"_s, invalid});
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.describe()));
    const Run schema = dtAml({u"validate"_s, invalid, u"--schema"_s, xsd});
    QVERIFY2(schema.exitCode == 1, qPrintable(schema.describe()));
    const QString line = QString::fromUtf8(schema.out).trimmed().split(u'\n').last();
    QVERIFY2(line.startsWith(invalid + u":5:"_s), qPrintable(schema.describe()));
    QVERIFY2(line.contains(u": error: XSD: "_s) && line.contains(u"Colour"_s),
             qPrintable(schema.describe()));

    const Run missingSchema = dtAml({u"validate"_s, m_clean, u"--schema"_s, m_dir.filePath(u"none.xsd"_s)});
    QVERIFY2(missingSchema.exitCode == 2 && missingSchema.oneErrorLine(), qPrintable(missingSchema.describe()));
}

void TestDtAml::validateExamples_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name : {"refinery-centralized.aml", "refinery-distributed.aml"})
        QTest::newRow(name) << dt::test::sourceDir() + u"/resources/examples/"_s + QLatin1StringView(name);
}

void TestDtAml::validateExamples()
{
    // Our own examples use our DT libraries through ExternalReferences: no errors, no warnings.
    QFETCH(QString, file);
    if (!QFileInfo::exists(file))
        QSKIP("the example is not in the source tree");
    const Run run = dtAml({u"validate"_s, file});
    QVERIFY2(run.exitCode == 0 && run.out.isEmpty() && run.err.isEmpty(), qPrintable(run.describe()));
}

void TestDtAml::validateSchemaWithoutXmllint()
{
    QTemporaryDir emptyBin;
    QVERIFY(emptyBin.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PATH"_s, emptyBin.path());
    const Run run = dtAml({u"validate"_s, m_clean, u"--schema"_s, m_dir.filePath(u"any.xsd"_s)},
                          environment);
    QVERIFY2(run.exitCode == 2 && run.oneErrorLine(), qPrintable(run.describe()));
    QVERIFY2(run.err.contains("xmllint"), qPrintable(run.describe()));
}

void TestDtAml::convertValidatesAgainstXsd_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("target");
    const QList<CorpusEntry> entries = corpus();
    if (entries.isEmpty())
        QTest::newRow("no corpus") << QString() << QString();
    for (const CorpusEntry &e : entries) {
        if (!e.xsdValid)
            continue;
        QTest::addRow("%s to 3.0", qPrintable(e.file)) << e.file << u"3.0"_s;
        if (e.version == u"3.0"_s)
            QTest::addRow("%s to 2.15", qPrintable(e.file)) << e.file << u"2.15"_s;
    }
}

void TestDtAml::convertValidatesAgainstXsd()
{
    QFETCH(QString, file);
    QFETCH(QString, target);
    if (file.isEmpty())
        QSKIP("the AML sample corpus (../shared/reference/aml-samples) is not available");
    if (QStandardPaths::findExecutable(u"xmllint"_s).isEmpty())
        QSKIP("xmllint is not installed");
    const QString xsd = target == u"3.0"_s ? dt::test::caexXsd30() : dt::test::caexXsd215();
    const QString out = m_dir.filePath(u"converted-"_s + target + u'-' + file);
    const Run run = dtAml({u"convert"_s, dt::test::amlSamplesDir() + u'/' + file, u"-o"_s, out,
                           u"--to"_s, target});
    QVERIFY2(run.exitCode == 0 && run.out.isEmpty(), qPrintable(run.describe()));
    QByteArray output;
    QVERIFY2(xmllintValidates(xsd, out, &output), output.left(3000).constData());
}

void TestDtAml::convertToUnknownVersion()
{
    const Run run = dtAml({u"convert"_s, m_clean, u"-o"_s, m_dir.filePath(u"x.aml"_s), u"--to"_s, u"9.9"_s});
    QVERIFY2(run.exitCode == 2 && run.oneErrorLine(), qPrintable(run.describe()));
}

void TestDtAml::dump()
{
    const Run first = dtAml({u"dump"_s, m_clean});
    QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(first.out, &error);
    QVERIFY2(!json.isNull(), qPrintable(error.errorString()));
    QVERIFY(first.out.contains("\"Speed\""));
    QVERIFY(first.out.contains("1450"));
    const Run second = dtAml({u"dump"_s, m_clean});
    QCOMPARE(second.out, first.out);
}

void TestDtAml::query()
{
    const Run byName = dtAml({u"query"_s, m_clean, u"//InternalElement[@Name='B']"_s});
    QVERIFY2(byName.exitCode == 0, qPrintable(byName.describe()));
    QCOMPARE(byName.out, QByteArray("H/A/B\n"));

    const Run all = dtAml({u"query"_s, m_clean, u"//InternalElement"_s});
    QCOMPARE(all.out, QByteArray("H/A\nH/A/B\n"));

    const Run none = dtAml({u"query"_s, m_clean, u"//InternalElement[@Name='Nobody']"_s});
    QVERIFY2(none.exitCode == 0 && none.out.isEmpty(), qPrintable(none.describe()));

    const Run bad = dtAml({u"query"_s, m_clean, u"//InternalElement[@Name='B'"_s});
    QVERIFY2(bad.exitCode == 2 && bad.oneErrorLine() && bad.out.isEmpty(), qPrintable(bad.describe()));
}

void TestDtAml::generateAndInfo()
{
    const QString out = m_dir.filePath(u"plant.aml"_s);
    const Run generate = dtAml({u"generate"_s, u"--elements"_s, u"750"_s, u"--seed"_s, u"3"_s, u"-o"_s, out});
    QVERIFY2(generate.exitCode == 0, qPrintable(generate.describe()));

    const Run info = dtAml({u"info"_s, out});
    QVERIFY2(info.exitCode == 0, qPrintable(info.describe()));
    const QJsonObject json = QJsonDocument::fromJson(info.out).object();
    QCOMPARE(json.value(u"internalElements"_s).toInt(), 750);
    QCOMPARE(json.value(u"instanceHierarchies"_s).toInt(), 1);
    QCOMPARE(json.value(u"schemaVersion"_s).toString(), u"3.0"_s);
    QVERIFY(json.value(u"internalLinks"_s).toInt() > 0);
    QVERIFY(json.value(u"attributes"_s).toInt() >= 2 * 750);

    // Same seed, same bytes; another seed, another file. (Same file name: it is the FileName.)
    QVERIFY(QDir(m_dir.path()).mkpath(u"again"_s) && QDir(m_dir.path()).mkpath(u"other"_s));
    const QString again = m_dir.filePath(u"again/plant.aml"_s);
    const QString other = m_dir.filePath(u"other/plant.aml"_s);
    QCOMPARE(dtAml({u"generate"_s, u"--elements"_s, u"750"_s, u"--seed"_s, u"3"_s, u"-o"_s, again}).exitCode, 0);
    QCOMPARE(dtAml({u"generate"_s, u"--elements"_s, u"750"_s, u"--seed"_s, u"4"_s, u"-o"_s, other}).exitCode, 0);
    QFile a(out), b(again), c(other);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly) && c.open(QIODevice::ReadOnly));
    const QByteArray bytes = a.readAll();
    QCOMPARE(b.readAll(), bytes);
    QVERIFY(c.readAll() != bytes);

    // No errors (the one alias to an unshipped standard library is a warning).
    const Run validate = dtAml({u"validate"_s, out});
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.describe()));

    const QString xsd = dt::test::caexXsd30();
    if (QFileInfo::exists(xsd) && !QStandardPaths::findExecutable(u"xmllint"_s).isEmpty()) {
        const Run schema = dtAml({u"validate"_s, out, u"--schema"_s, xsd});
        QVERIFY2(schema.exitCode == 0, qPrintable(schema.describe()));
    }
}

QTEST_GUILESS_MAIN(TestDtAml)
#include "tst_dtaml.moc"
