// SPDX-License-Identifier: GPL-3.0-or-later
// ProblemsModel: validation off the GUI thread after edits (debounced), stale results dropped,
// element keys for jumping; with QAbstractItemModelTester attached.
#include "commands/addremoveattribute.h"
#include "commands/addremoveelement.h"
#include "commands/changeelement.h"
#include "document/amldocument.h"
#include "models/problemsmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace dt::editor;

namespace {
const QString valve1 = u"e0010004-0000-4000-8000-000000000002"_s;

int rowsMentioning(const ProblemsModel &model, const QString &text)
{
    int count = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, ProblemsModel::MessageColumn).data().toString().contains(text))
            ++count;
    return count;
}
} // namespace

class TestProblemsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void cleanExample();
    void problemAppearsAndGoes();
    void staleResultsDropped();
    void documentGoesAway();

private:
    std::unique_ptr<AmlDocument> m_document;
    std::unique_ptr<ProblemsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestProblemsModel::init()
{
    auto opened = AmlDocument::open(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    QVERIFY(opened);
    m_document = opened.takeValue();
    m_model = std::make_unique<ProblemsModel>();
    m_model->setDebounceInterval(20);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(m_model.get(), &ProblemsModel::refreshed);
    m_model->setDocument(m_document.get());
    QVERIFY(refreshed.wait(30000));
}

void TestProblemsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_document.reset();
}

void TestProblemsModel::cleanExample()
{
    QCOMPARE(m_model->errorCount(), 0);
    QVERIFY(!m_model->isBusy());
}

void TestProblemsModel::problemAppearsAndGoes()
{
    QSignalSpy refreshed(m_model.get(), &ProblemsModel::refreshed);
    // An element without a class the resolver knows: an error naming it.
    auto add = AddElement::newChild(m_document.get(), valve1, -1, u"Broken"_s);
    AddElement *raw = add.get();
    m_document->undoStack()->push(add.release());
    m_document->undoStack()->push(
        new SetElementClass(m_document.get(), raw->key(), u"NoLib/NoClass"_s));
    QTRY_VERIFY_WITH_TIMEOUT(rowsMentioning(*m_model, u"NoLib/NoClass"_s) > 0, 30000);
    int row = -1;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->index(r, ProblemsModel::MessageColumn)
                .data()
                .toString()
                .contains(u"NoLib/NoClass"_s))
            row = r;
    const QModelIndex problem = m_model->index(row, 0);
    QCOMPARE(problem.data(ProblemsModel::ElementKeyRole).toString(), raw->key());
    QCOMPARE(problem.data(ProblemsModel::SeverityRole).toInt(), int(dt::model::Severity::Error));
    QCOMPARE(m_model->index(row, ProblemsModel::ElementColumn).data().toString(),
        u"Plant/Refinery/Valve1/Broken"_s);
    QVERIFY(m_model->errorCount() >= 1);
    m_document->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(rowsMentioning(*m_model, u"NoLib/NoClass"_s), 0, 30000);
}

void TestProblemsModel::staleResultsDropped()
{
    // Many quick edits: only the final state may be shown, and it must be correct.
    m_model->setDebounceInterval(0);
    QUndoStack *stack = m_document->undoStack();
    for (int i = 0; i < 20; ++i) {
        stack->push(new SetElementClass(m_document.get(), valve1, u"Missing%1/Class"_s.arg(i)));
        m_model->refreshNow();
    }
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isBusy(), 30000);
    QCOMPARE(rowsMentioning(*m_model, u"Missing19/Class"_s), 1);
    for (int i = 0; i < 19; ++i)
        QCOMPARE(rowsMentioning(*m_model, u"Missing%1/Class"_s.arg(i)), 0);
}

void TestProblemsModel::documentGoesAway()
{
    m_document->undoStack()->push(new SetElementClass(m_document.get(), valve1, u"X/Y"_s));
    m_model->refreshNow(); // still running when the document goes
    m_document.reset();
    QCOMPARE(m_model->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isBusy(), 30000);
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestProblemsModel)
#include "tst_problemsmodel.moc"
