// SPDX-License-Identifier: GPL-3.0-or-later
// LinkModel: the document's links, broken ones flagged, rows following edits and undo, the
// element filter; with QAbstractItemModelTester attached.
#include "commands/addremoveelement.h"
#include "commands/addremovelink.h"
#include "document/amldocument.h"
#include "models/linkmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace dt::editor;

namespace {
const QString valve1 = u"e0010004-0000-4000-8000-000000000002"_s;
const QString refinery = u"e0010004-0000-4000-8000-000000000001"_s;
} // namespace

class TestLinkModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsLinks();
    void brokenLinkFlagged();
    void followsRemovalAndUndo();
    void elementFilter();

private:
    std::unique_ptr<AmlDocument> m_document;
    std::unique_ptr<LinkModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestLinkModel::init()
{
    auto opened = AmlDocument::open(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    QVERIFY(opened);
    m_document = opened.takeValue();
    m_model = std::make_unique<LinkModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setDocument(m_document.get());
}

void TestLinkModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_document.reset();
}

void TestLinkModel::listsLinks()
{
    QCOMPARE(m_model->rowCount(), 24);
    QCOMPARE(m_model->brokenCount(), 0);
    const QModelIndex first = m_model->index(0, LinkModel::NameColumn);
    QCOMPARE(first.data().toString(), u"Valve1Position"_s);
    QVERIFY(!first.data(LinkModel::BrokenRole).toBool());
    QCOMPARE(first.data(LinkModel::SideBKeyRole).toString(), valve1);
    QCOMPARE(
        m_model->index(0, LinkModel::SideBColumn).data().toString(), u"Plant/Refinery/Valve1"_s);
    QCOMPARE(first.data(LinkModel::LinkRowRole).toInt(), 0);
    const QString container = first.data(LinkModel::ContainerKeyRole).toString();
    QVERIFY(m_document->unitOf(container));
}

void TestLinkModel::brokenLinkFlagged()
{
    dt::model::InternalLink link;
    link.name = u"Dangling"_s;
    link.refPartnerSideA = u"no-such-id:Port"_s;
    link.refPartnerSideB = m_document->element(valve1)->interfaces.first().id;
    m_document->undoStack()->push(new AddLink(m_document.get(), refinery, link));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 25, 5000);
    QCOMPARE(m_model->brokenCount(), 1);
    int broken = -1;
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->index(row, 0).data(LinkModel::BrokenRole).toBool())
            broken = row;
    QVERIFY(broken >= 0);
    QCOMPARE(m_model->index(broken, 0).data().toString(), u"Dangling"_s);
    QVERIFY(!m_model->index(broken, 0).data(LinkModel::ProblemRole).toString().isEmpty());
    QVERIFY(m_model->index(broken, 0).data(LinkModel::SideAKeyRole).toString().isEmpty());
    m_document->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 24, 5000);
    QCOMPARE(m_model->brokenCount(), 0);
}

void TestLinkModel::followsRemovalAndUndo()
{
    m_document->undoStack()->push(new RemoveElement(m_document.get(), valve1));
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isRebuildPending(), 5000);
    QVERIFY(m_model->rowCount() < 24);
    QCOMPARE(m_model->brokenCount(), 0); // the links into it went with it
    m_document->undoStack()->undo();
    m_model->refresh();
    QCOMPARE(m_model->rowCount(), 24);
}

void TestLinkModel::elementFilter()
{
    m_model->setElementFilter(valve1);
    const int valveLinks = m_model->rowCount();
    QVERIFY(valveLinks > 0);
    QVERIFY(valveLinks < 24);
    for (int row = 0; row < valveLinks; ++row) {
        const QModelIndex index = m_model->index(row, 0);
        QVERIFY(index.data(LinkModel::SideAKeyRole).toString() == valve1
            || index.data(LinkModel::SideBKeyRole).toString() == valve1);
    }
    m_model->setElementFilter(refinery);
    QCOMPARE(m_model->rowCount(), 24);
    m_model->setElementFilter(QString());
    QCOMPARE(m_model->rowCount(), 24);
}

QTEST_GUILESS_MAIN(TestLinkModel)
#include "tst_linkmodel.moc"
