// SPDX-License-Identifier: GPL-3.0-or-later
// The synthetic plant generator: deterministic by seed, exactly the requested number of
// elements, the promised shape, no validator errors, and XSD-valid when written.
#include "testsupport.h"

#include <model/caexwriter.h>
#include <model/generator.h>
#include <model/modelwalker.h>
#include <model/resolver.h>
#include <model/validator.h>

#include <QCryptographicHash>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace dt::model;
using dt::Result;

namespace {

// A digest of everything the generator decides, independent of the writer.
class Fingerprint : public ModelVisitor
{
public:
    QCryptographicHash hash{QCryptographicHash::Sha256};

    void enter(const WalkNode &node) override
    {
        add(QString::number(int(node.kind)));
        add(node.object->id);
        add(node.object->name);
        switch (node.kind) {
        case ElementKind::InternalElement: {
            const auto *e = node.as<InternalElement>();
            add(e->refBaseSystemUnitPath);
            for (const SupportedRoleClass &r : e->supportedRoleClasses)
                add(r.refRoleClassPath);
            break;
        }
        case ElementKind::Attribute: {
            const auto *a = node.as<Attribute>();
            add(a->dataType);
            add(a->unit);
            add(a->value.value_or(u"<none>"_s));
            break;
        }
        case ElementKind::ExternalInterface:
            add(node.as<ExternalInterface>()->refBaseClassPath);
            break;
        case ElementKind::InternalLink:
            add(node.as<InternalLink>()->refPartnerSideA);
            add(node.as<InternalLink>()->refPartnerSideB);
            break;
        default:
            break;
        }
    }

private:
    void add(const QString &text) { hash.addData(QByteArrayView(text.toUtf8() + '\0')); }
};

QByteArray fingerprint(const CaexFile &file)
{
    Fingerprint f;
    ModelWalker({&f}).walk(file);
    return f.hash.result().toHex();
}

// Depths of the leaves and per-element counts of the instance hierarchy.
struct Shape
{
    int minLeafDepth = 1000;
    int maxDepth = 0;
    int minAttributes = 1000;
    int maxAttributes = 0;
    int minInterfaces = 1000;
    int maxInterfaces = 0;
    int links = 0;
    int chainLinks = 0; ///< links a unit needs to chain its devices
    int nestedAttributes = 0;
    QSet<QString> ids;
    int idCount = 0;
};

void measure(const InternalElement &e, int depth, Shape &s)
{
    s.maxDepth = std::max(s.maxDepth, depth);
    if (e.internalElements.isEmpty())
        s.minLeafDepth = std::min(s.minLeafDepth, depth);
    s.minAttributes = std::min(s.minAttributes, e.attributes.size());
    s.maxAttributes = std::max(s.maxAttributes, e.attributes.size());
    s.minInterfaces = std::min(s.minInterfaces, e.interfaces.size());
    s.maxInterfaces = std::max(s.maxInterfaces, e.interfaces.size());
    s.links += e.internalLinks.size();
    if (depth == 2)
        s.chainLinks += std::max(0, e.internalElements.size() - 1);
    for (const Attribute &a : e.attributes)
        s.nestedAttributes += a.attributes.isEmpty() ? 0 : 1;
    s.ids.insert(e.id);
    ++s.idCount;
    for (const ExternalInterface &i : e.interfaces) {
        s.ids.insert(i.id);
        ++s.idCount;
    }
    for (const InternalElement &child : e.internalElements)
        measure(child, depth + 1, s);
}

CaexFile generate(int elements, quint32 seed)
{
    GeneratorOptions options;
    options.elements = elements;
    options.seed = seed;
    return generatePlant(options);
}

} // namespace

class TestGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameDocument();
    void otherSeedOtherDocument();
    void exactElementCount_data();
    void exactElementCount();
    void shape();
    void noValidatorErrors_data();
    void noValidatorErrors();
    void writtenFormIsXsdValid();
};

void TestGenerator::sameSeedSameDocument()
{
    const CaexFile a = generate(3000, 42);
    const CaexFile b = generate(3000, 42);
    QCOMPARE(fingerprint(a), fingerprint(b));
    const QByteArray bytes = CaexWriter().toByteArray(a);
    QVERIFY(!bytes.isEmpty());
    QCOMPARE(CaexWriter().toByteArray(b), bytes);
}

void TestGenerator::otherSeedOtherDocument()
{
    const CaexFile a = generate(500, 1);
    const CaexFile b = generate(500, 2);
    QVERIFY(fingerprint(a) != fingerprint(b));
    QVERIFY(a.instanceHierarchies.first().id != b.instanceHierarchies.first().id);
}

void TestGenerator::exactElementCount_data()
{
    QTest::addColumn<int>("elements");
    for (int n : {0, 1, 2, 3, 4, 7, 10, 57, 100, 999, 1000, 4321, 25000})
        QTest::addRow("%d", n) << n;
}

void TestGenerator::exactElementCount()
{
    QFETCH(int, elements);
    for (quint32 seed : {1u, 99u, 4000000000u}) {
        const CaexFile plant = generate(elements, seed);
        QCOMPARE(countElements(plant).internalElements, qint64(elements));
        QCOMPARE(plant.instanceHierarchies.size(), 1);
        QCOMPARE(plant.instanceHierarchies.first().name, u"Plant"_s);
    }
}

void TestGenerator::shape()
{
    const CaexFile plant = generate(20000, 5);
    Shape s;
    for (const InternalElement &area : plant.instanceHierarchies.first().internalElements)
        measure(area, 1, s);
    QVERIFY2(s.minLeafDepth >= 3, qPrintable(QString::number(s.minLeafDepth)));
    QCOMPARE(s.maxDepth, 5);
    QCOMPARE(s.minAttributes, 2);
    QCOMPARE(s.maxAttributes, 6);
    QCOMPARE(s.minInterfaces, 1);
    QCOMPARE(s.maxInterfaces, 3);
    // Every unit chains its devices; signal loops come on top.
    QVERIFY(s.chainLinks > 100);
    QVERIFY2(s.links > s.chainLinks, qPrintable(u"%1 %2"_s.arg(s.links).arg(s.chainLinks)));
    QVERIFY(s.nestedAttributes > 0);
    QCOMPARE(s.ids.size(), s.idCount); // every ID unique
    QCOMPARE(plant.externalReferences.size(), 1);
    QCOMPARE(plant.systemUnitClassLibs.size(), 1);
    QCOMPARE(plant.roleClassLibs.size(), 1);
    QCOMPARE(plant.interfaceClassLibs.size(), 1);
    QVERIFY(!plant.sourceDocumentInformation.isEmpty());
}

void TestGenerator::noValidatorErrors_data()
{
    QTest::addColumn<int>("elements");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("tiny") << 5 << 1u;
    QTest::newRow("small") << 300 << 17u;
    QTest::newRow("large") << 50000 << 2024u;
}

void TestGenerator::noValidatorErrors()
{
    QFETCH(int, elements);
    QFETCH(quint32, seed);
    const CaexFile plant = generate(elements, seed);
    Resolver resolver(plant);
    const Diagnostics diagnostics = Validator().validate(plant, resolver);
    QStringList errors;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Error)
            errors << d.toString();
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.mid(0, 10).join(u'\n')));
}

void TestGenerator::writtenFormIsXsdValid()
{
    const QString xsd = dt::test::caexXsd30();
    if (!QFileInfo::exists(xsd))
        QSKIP("the CAEX 3.0 XSD (../shared/reference/caex) is not available");
    const QString xmllint = QStandardPaths::findExecutable(u"xmllint"_s);
    if (xmllint.isEmpty())
        QSKIP("xmllint is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"plant.aml"_s);
    const Result<void> written = CaexWriter().writeFile(generate(2500, 11), path);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(xmllint, {u"--noout"_s, u"--schema"_s, xsd, path});
    QVERIFY(process.waitForFinished(60000));
    const QByteArray output = process.readAll();
    QVERIFY2(process.exitCode() == 0, output.left(2000).constData());
}

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
