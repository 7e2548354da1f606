// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the workbench GUI tests (tst_workbench*, tst_corpusopen, tst_translations,
// tst_recovery): a QAbstractItemModelTester on every item model of a window, driving the modal
// dialogs a user would answer, typing into editors, and the first difference of two texts.
#pragma once

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QByteArray>
#include <QDialog>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QStringList>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <functional>

/// For helpers returning bool: records a QtTest failure with a message and returns false.
#define EC_CHECK(cond, message)                                                                    \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            QTest::qFail(qPrintable(QString(message)), __FILE__, __LINE__);                        \
            return false;                                                                          \
        }                                                                                          \
    } while (false)

namespace dt::test {

/// Attaches a QAbstractItemModelTester (QtTest failure mode) to item models: every model below
/// a root object that has none yet. Call it again when dialogs or new models appear.
/// The testers are owned here, not by their models: the models of QListWidget and QTreeWidget
/// reset themselves while their widget is half destroyed, which a tester must not watch; so
/// detach(root) removes the testers below a widget before it goes away.
class ModelTesters
{
public:
    ModelTesters() = default;
    ModelTesters(const ModelTesters &) = delete;
    ModelTesters &operator=(const ModelTesters &) = delete;
    ~ModelTesters() { detachAll(); }

    int attach(QObject *root)
    {
        int added = 0;
        const QList<QAbstractItemModel *> models = root->findChildren<QAbstractItemModel *>();
        for (QAbstractItemModel *model : models)
            added += attachTo(model) ? 1 : 0;
        return added;
    }

    /// Qt's own models that fail the tester by Qt's design, not ours: QTreeWidget's model
    /// gives a parent in column 1 the children of column 0 ("common error #3" of the tester),
    /// and the models inside QFileDialog report flags for the invalid index. They are left out
    /// and listed in skipped().
    static bool isQtModelKnownToFail(const QAbstractItemModel *model)
    {
        if (QLatin1StringView(model->metaObject()->className()) == QLatin1StringView("QTreeModel"))
            return true;
        for (const QObject *o = model; o; o = o->parent())
            if (o->inherits("QFileDialog"))
                return true;
        return false;
    }

    bool attachTo(QAbstractItemModel *model)
    {
        // A property on the model, not a set of pointers: a deleted model's address may return.
        if (!model || model->property(Marker).toBool())
            return false;
        if (isQtModelKnownToFail(model)) {
            const QString name = QLatin1StringView(model->metaObject()->className());
            if (!m_skipped.contains(name))
                m_skipped << name;
            return false;
        }
        model->setProperty(Marker, true);
        m_testers.append({ model,
            new QAbstractItemModelTester(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest) });
        ++m_count;
        return true;
    }

    /// Removes the testers of the models below root (and of models already gone).
    void detach(QObject *root)
    {
        for (qsizetype i = m_testers.size() - 1; i >= 0; --i) {
            QAbstractItemModel *model = m_testers.at(i).model;
            bool below = !model;
            for (QObject *o = model; o && !below; o = o->parent())
                below = o == root;
            if (!below)
                continue;
            if (model)
                model->setProperty(Marker, QVariant());
            delete m_testers.at(i).tester;
            m_testers.removeAt(i);
        }
    }

    void detachAll()
    {
        for (const Entry &entry : std::as_const(m_testers)) {
            if (entry.model)
                entry.model->setProperty(Marker, QVariant());
            delete entry.tester;
        }
        m_testers.clear();
    }

    /// How many testers were attached so far.
    int count() const { return m_count; }
    /// Class names of the Qt models left out (see isQtModelKnownToFail()).
    QStringList skipped() const { return m_skipped; }

private:
    struct Entry
    {
        QPointer<QAbstractItemModel> model;
        QAbstractItemModelTester *tester;
    };
    static constexpr const char *Marker = "dtModelTester";
    QList<Entry> m_testers;
    QStringList m_skipped;
    int m_count = 0;
};

/// Answers the next modal dialog: handler runs from inside the dialog's exec() (which blocks
/// the code that opened it), like a user answering it, and must close it. Stops waiting when
/// it goes out of scope.
class ModalAnswer
{
public:
    explicit ModalAnswer(std::function<void(QWidget *)> handler)
        : m_handler(std::move(handler))
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this]() {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || !modal->isVisible())
                return;
            m_timer.stop();
            m_ran = true;
            m_handler(modal);
        });
        m_timer.start();
    }
    bool ran() const { return m_ran; }

private:
    std::function<void(QWidget *)> m_handler;
    QTimer m_timer;
    bool m_ran = false;
};

/// Closes a modal widget the way its Cancel/Escape would.
inline void closeDialog(QWidget *widget)
{
    if (auto *dialog = qobject_cast<QDialog *>(widget))
        dialog->reject();
    else
        widget->close();
}

/// The first index below parent (depth first) whose data(role) equals value.
inline QModelIndex findByRole(const QAbstractItemModel *model, int role, const QVariant &value,
    const QModelIndex &parent = QModelIndex())
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data(role) == value)
            return index;
        const QModelIndex below = findByRole(model, role, value, index);
        if (below.isValid())
            return below;
    }
    return QModelIndex();
}

/// Types text into an editor as a user would (key events for plain ASCII; other text is
/// inserted like a paste, since QTest::keyClicks only knows Latin-1 characters).
inline void typeText(QWidget *editor, const QString &text)
{
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() >= 0x20 && c.unicode() < 0x7f;
    if (ascii) {
        QTest::keyClicks(editor, text);
        return;
    }
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->insert(text);
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(editor))
        plain->insertPlainText(text);
}

/// The first line where two texts differ, with a little context, for failure messages.
inline QString firstDifference(const QByteArray &expected, const QByteArray &actual)
{
    const QList<QByteArray> a = expected.split('\n');
    const QList<QByteArray> b = actual.split('\n');
    const qsizetype n = qMin(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (a.at(i) != b.at(i)) {
            return QStringLiteral("line %1:\n  expected: %2\n  actual:   %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(a.at(i)), QString::fromUtf8(b.at(i)));
        }
    }
    if (a.size() != b.size())
        return QStringLiteral("expected %1 lines, got %2").arg(a.size()).arg(b.size());
    return QString();
}

} // namespace dt::test
