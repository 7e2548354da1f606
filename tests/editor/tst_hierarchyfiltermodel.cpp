// SPDX-License-Identifier: GPL-3.0-or-later
// HierarchyFilterModel: matches and their ancestors, case-insensitive, refreshed after edits, with
// QAbstractItemModelTester on both the source and the proxy.
#include "commands/addremoveelement.h"
#include "commands/changeelement.h"
#include "document/amldocument.h"
#include "models/hierarchyfiltermodel.h"
#include "models/hierarchymodel.h"
#include "testsupport.h"

#include "model/generator.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace dt::editor;

namespace {

const QString refinery = u"e0010004-0000-4000-8000-000000000001"_s;
const QString valve1 = u"e0010004-0000-4000-8000-000000000002"_s;

/// Names of all rows of a model, depth first, "a/b/c" paths.
QStringList rows(
    const QAbstractItemModel &model, const QModelIndex &parent = {}, const QString &prefix = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        const QString path = prefix + index.data().toString();
        out << path;
        out << rows(model, index, path + u'/');
    }
    return out;
}

} // namespace

class TestHierarchyFilterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void filtersByName();
    void followsEdits();
    void largeGeneratedModel();

private:
    std::unique_ptr<AmlDocument> m_document;
    std::unique_ptr<HierarchyModel> m_model;
    std::unique_ptr<HierarchyFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_sourceTester;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;
};

void TestHierarchyFilterModel::init()
{
    auto opened = AmlDocument::open(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    QVERIFY(opened);
    m_document = opened.takeValue();
    m_model = std::make_unique<HierarchyModel>();
    m_model->setDocument(m_document.get());
    m_filter = std::make_unique<HierarchyFilterModel>();
    m_filter->setSourceModel(m_model.get());
    m_sourceTester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_filterTester = std::make_unique<QAbstractItemModelTester>(
        m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestHierarchyFilterModel::cleanup()
{
    m_filterTester.reset();
    m_sourceTester.reset();
    m_filter.reset();
    m_model.reset();
    m_document.reset();
}

void TestHierarchyFilterModel::filtersByName()
{
    const QStringList all = rows(*m_model);
    QCOMPARE(rows(*m_filter), all);
    m_filter->setFilterText(u"vALVE2modBUS"_s);
    const QStringList one = rows(*m_filter);
    QCOMPARE(one.size(), 4); // Plant, Refinery, the twin, the match
    QCOMPARE(one.first(), u"Plant"_s);
    QVERIFY2(one.last().endsWith(u"/Valve2Modbus"_s), qPrintable(one.last()));
    QCOMPARE(m_filter->matchCount(), 1);
    m_filter->setFilterText(u"valve"_s);
    const QStringList valves = rows(*m_filter);
    QVERIFY(valves.contains(u"Plant/Refinery/Valve1"_s));
    QVERIFY(valves.contains(u"Plant/Refinery/Valve4"_s));
    for (const QString &path : valves)
        QVERIFY2(path.count(u'/') < 2
                || path.section(u'/', -1).contains(u"valve"_s, Qt::CaseInsensitive)
                || valves.filter(path + u'/').size() > 0,
            qPrintable(path));
    m_filter->setFilterText(u"no such name"_s);
    QCOMPARE(m_filter->rowCount(), 0);
    QCOMPARE(m_filter->matchCount(), 0);
    m_filter->setFilterText(QString());
    QCOMPARE(rows(*m_filter), all);
}

void TestHierarchyFilterModel::followsEdits()
{
    m_filter->setFilterText(u"Pump"_s);
    QCOMPARE(m_filter->rowCount(), 0);
    m_document->undoStack()->push(
        AddElement::newChild(m_document.get(), valve1, -1, u"FeedPump"_s).release());
    QTRY_COMPARE_WITH_TIMEOUT(m_filter->matchCount(), 1, 5000);
    QCOMPARE(rows(*m_filter),
        (QStringList { u"Plant"_s, u"Plant/Refinery"_s, u"Plant/Refinery/Valve1"_s,
            u"Plant/Refinery/Valve1/FeedPump"_s }));
    m_document->undoStack()->push(new RenameElement(m_document.get(), refinery, u"PumpStation"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_filter->matchCount(), 2, 5000);
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(m_filter->rowCount(), 0, 5000);
    QCOMPARE(m_filter->matchCount(), 0);
}

void TestHierarchyFilterModel::largeGeneratedModel()
{
    dt::model::GeneratorOptions options;
    options.elements = 20000;
    auto file = std::make_unique<dt::model::CaexFile>(dt::model::generatePlant(options));
    // Count the matches the plain way, to compare.
    int expected = 0;
    std::function<void(const dt::model::NodeList<dt::model::InternalElement> &)> count
        = [&](const auto &list) {
              for (const auto &element : list) {
                  if (element.name.contains(u"7"_s, Qt::CaseInsensitive))
                      ++expected;
                  count(element.internalElements);
              }
          };
    for (const auto &hierarchy : file->instanceHierarchies)
        count(hierarchy.internalElements);
    AmlDocument document(std::move(file));
    HierarchyModel model;
    model.setDocument(&document);
    HierarchyFilterModel filter;
    filter.setSourceModel(&model);
    filter.setFilterText(u"7"_s);
    QCOMPARE(filter.matchCount(), expected);
    QVERIFY(expected > 0);
    // Every visible leaf matches.
    std::function<void(const QModelIndex &)> check = [&](const QModelIndex &parent) {
        for (int row = 0; row < filter.rowCount(parent); ++row) {
            const QModelIndex index = filter.index(row, 0, parent);
            if (filter.rowCount(index) == 0)
                QVERIFY(index.data().toString().contains(u'7'));
            else
                check(index);
        }
    };
    check(QModelIndex());
}

QTEST_GUILESS_MAIN(TestHierarchyFilterModel)
#include "tst_hierarchyfiltermodel.moc"
