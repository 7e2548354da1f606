// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/finddock.h"

#include "widgets/icons.h"

#include "document/amldocument.h"

#include "model/caexpath.h"
#include "model/query.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <vector>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

constexpr int KeyRole = Qt::UserRole + 1;

/// Calls f for every node of the instance tree, depth-first in document order.
template <typename F>
void forEachInstanceNode(const AmlDocument &document, F f)
{
    std::vector<const DocumentNode *> stack(document.hierarchyNodes().rbegin(),
                                            document.hierarchyNodes().rend());
    while (!stack.empty()) {
        const DocumentNode *node = stack.back();
        stack.pop_back();
        f(node);
        for (auto it = node->children.rbegin(); it != node->children.rend(); ++it)
            stack.push_back(*it);
    }
}

} // namespace

FindDock::FindDock(QWidget *parent)
    : QDockWidget(parent)
    , m_mode(new QComboBox)
    , m_query(new QLineEdit)
    , m_findButton(new QPushButton)
    , m_status(new QLabel)
    , m_results(new QListWidget)
{
    setObjectName(u"findDock"_s);
    m_mode->setObjectName(u"findMode"_s);
    m_mode->addItems({QString(), QString(), QString()}); // texts set in retranslate()
    m_query->setObjectName(u"findQuery"_s);
    m_query->setClearButtonEnabled(true);
    m_findButton->setObjectName(u"findButton"_s);
    m_status->setObjectName(u"findStatus"_s);
    m_status->setWordWrap(true);
    m_results->setObjectName(u"findResults"_s);
    m_results->setUniformItemSizes(true);

    connect(m_query, &QLineEdit::returnPressed, this, &FindDock::findCurrent);
    connect(m_findButton, &QPushButton::clicked, this, &FindDock::findCurrent);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &FindDock::retranslate);
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString key = item->data(KeyRole).toString();
        if (!key.isEmpty())
            Q_EMIT elementActivated(key);
    });
    // A single click also jumps: the list is a navigation aid, not a selection of its own.
    connect(m_results, &QListWidget::itemClicked, m_results, &QListWidget::itemActivated);

    auto *row = new QHBoxLayout;
    row->addWidget(m_mode);
    row->addWidget(m_query, 1);
    row->addWidget(m_findButton);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(m_results);
    setWidget(content);
    retranslate();
}

void FindDock::setDocument(AmlDocument *document)
{
    m_document = document;
    m_results->clear();
    m_status->clear();
}

void FindDock::setMode(Mode mode)
{
    m_mode->setCurrentIndex(int(mode));
}

FindDock::Mode FindDock::mode() const
{
    return Mode(qBound(0, m_mode->currentIndex(), 2));
}

void FindDock::focusQuery()
{
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

int FindDock::findCurrent()
{
    return find(m_query->text());
}

int FindDock::find(const QString &text)
{
    if (m_query->text() != text)
        m_query->setText(text);
    m_results->clear();
    if (!m_document || text.trimmed().isEmpty()) {
        m_status->clear();
        return 0;
    }
    QList<Hit> hits;
    QString error;
    switch (mode()) {
    case Mode::Name:
        hits = findByName(text.trimmed());
        break;
    case Mode::Path:
        hits = findByPath(text.trimmed());
        break;
    case Mode::XPath:
        hits = findByXPath(text.trimmed(), &error);
        break;
    }
    if (!error.isEmpty()) {
        m_status->setText(error);
        return -1;
    }
    const int shown = int(qMin<qsizetype>(hits.size(), MaxResults));
    for (int i = 0; i < shown; ++i) {
        auto *item = new QListWidgetItem(Icons::named(u"element"_s), hits.at(i).label);
        item->setData(KeyRole, hits.at(i).key);
        item->setToolTip(hits.at(i).label);
        m_results->addItem(item);
    }
    m_status->setText(hits.size() > shown
                          ? tr("%1 matches, the first %2 are listed").arg(hits.size()).arg(shown)
                          : tr("%n match(es)", nullptr, int(hits.size())));
    return int(hits.size());
}

QList<FindDock::Hit> FindDock::findByName(const QString &text) const
{
    QList<Hit> hits;
    forEachInstanceNode(*m_document, [&](const DocumentNode *node) {
        if (node->name().contains(text, Qt::CaseInsensitive))
            hits.append({node->key, m_document->path(node->key)});
    });
    return hits;
}

QList<FindDock::Hit> FindDock::findByPath(const QString &text) const
{
    // An exact path (or ID) first; else every element whose path contains the text.
    const QString exact = m_document->keyForIdOrPath(text);
    QList<Hit> hits;
    if (!exact.isEmpty())
        hits.append({exact, m_document->path(exact)});
    forEachInstanceNode(*m_document, [&](const DocumentNode *node) {
        if (node->key == exact)
            return;
        const QString path = m_document->path(node->key);
        if (path.contains(text, Qt::CaseInsensitive))
            hits.append({node->key, path});
    });
    return hits;
}

QList<FindDock::Hit> FindDock::findByXPath(const QString &text, QString *error) const
{
    auto query = model::Query::parse(text);
    if (!query.ok()) {
        *error = query.error();
        return {};
    }
    QList<Hit> hits;
    const QList<model::ElementRef> matches = query->evaluate(m_document->file());
    for (const model::ElementRef &match : matches) {
        QString key;
        if (match.kind == model::ElementKind::InternalElement
            || match.kind == model::ElementKind::InstanceHierarchy) {
            const model::CaexObject *object = match.object();
            if (object && !object->id.isEmpty())
                key = m_document->keyForIdOrPath(object->id);
        }
        if (key.isEmpty())
            key = ownerKeyForPath(match.path);
        hits.append({key, model::elementKindName(match.kind) + u": "_s + match.path});
    }
    return hits;
}

QString FindDock::ownerKeyForPath(const QString &path) const
{
    QStringList segments = model::CaexPath::parse(path).segments;
    while (!segments.isEmpty()) {
        const QString key = m_document->keyForIdOrPath(model::CaexPath::join(segments));
        if (!key.isEmpty())
            return key;
        segments.removeLast();
    }
    return QString();
}

void FindDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void FindDock::retranslate()
{
    setWindowTitle(tr("Find"));
    m_mode->setItemText(int(Mode::Name), tr("Name"));
    m_mode->setItemText(int(Mode::Path), tr("Path"));
    m_mode->setItemText(int(Mode::XPath), tr("XPath"));
    m_findButton->setText(tr("Find"));
    switch (mode()) {
    case Mode::Name:
        m_query->setPlaceholderText(tr("Part of an element name"));
        break;
    case Mode::Path:
        m_query->setPlaceholderText(tr("Hierarchy/Element/Child"));
        break;
    case Mode::XPath:
        // An example query reads the same in every language.
        m_query->setPlaceholderText(u"//InternalElement[@Name='Valve1']"_s);
        break;
    }
}

} // namespace dt::editor
