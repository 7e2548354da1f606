// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/elementdetailswidget.h"

#include "commands/changeelement.h"
#include "commands/setrole.h"
#include "document/amldocument.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dt::editor {

ElementDetailsWidget::ElementDetailsWidget(QWidget *parent)
    : QTabWidget(parent)
    , m_page(new QWidget)
    , m_form(new QFormLayout)
    , m_placeholder(new QLabel)
    , m_name(new QLineEdit)
    , m_id(new QLabel)
    , m_path(new QLabel)
    , m_class(new QLabel)
    , m_role(new QLabel)
    , m_counts(new QLabel)
    , m_description(new QPlainTextEdit)
{
    setObjectName(u"detailsTabs"_s);
    setDocumentMode(true);
    m_page->setObjectName(u"elementDetailsPage"_s);
    m_name->setObjectName(u"detailsName"_s);
    m_id->setObjectName(u"detailsId"_s);
    m_path->setObjectName(u"detailsPath"_s);
    m_class->setObjectName(u"detailsClass"_s);
    m_role->setObjectName(u"detailsRole"_s);
    m_counts->setObjectName(u"detailsCounts"_s);
    m_description->setObjectName(u"detailsDescription"_s);
    m_placeholder->setObjectName(u"detailsPlaceholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    for (QLabel *label : {m_id, m_path, m_class, m_role, m_counts}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
    }
    QWidget *fields[FieldCount] = {m_name, m_id, m_path, m_class, m_role, m_counts, m_description};
    for (int i = 0; i < FieldCount; ++i) {
        m_labels[i] = new QLabel;
        m_form->addRow(m_labels[i], fields[i]);
    }
    connect(m_name, &QLineEdit::editingFinished, this, &ElementDetailsWidget::commitName);
    m_description->installEventFilter(this);
    m_description->setTabChangesFocus(true);

    auto *layout = new QVBoxLayout(m_page);
    layout->addWidget(m_placeholder);
    layout->addLayout(m_form);
    addTab(m_page, QString());
    retranslate();
    refresh();
}

void ElementDetailsWidget::setDocument(AmlDocument *document)
{
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_document = document;
    m_key.clear();
    if (document) {
        auto changed = [this](const QString &key) {
            if (key == m_key)
                refresh();
        };
        m_connections << connect(document, &AmlDocument::elementChanged, this, changed)
                      << connect(document, &AmlDocument::attributesChanged, this, changed)
                      << connect(document, &AmlDocument::interfacesChanged, this, changed)
                      << connect(document, &AmlDocument::elementAdded, this,
                                 [this]() { refresh(); })
                      << connect(document, &AmlDocument::elementRemoved, this,
                                 [this]() { refresh(); });
    }
    refresh();
}

void ElementDetailsWidget::setElement(const QString &key)
{
    if (key == m_key)
        return;
    commitDescription();
    m_key = key;
    refresh();
}

void ElementDetailsWidget::refresh()
{
    const DocumentNode *node = m_document && !m_key.isEmpty() ? m_document->node(m_key) : nullptr;
    m_placeholder->setVisible(!node);
    for (int i = 0; i < m_form->rowCount(); ++i)
        m_form->setRowVisible(i, node != nullptr);
    if (!node)
        return;
    const model::CaexObject *object = node->caexObject();
    if (!m_name->hasFocus())
        m_name->setText(object->name);
    m_id->setText(object->id.isEmpty() ? tr("(none)") : object->id);
    m_path->setText(m_document->path(m_key));
    const model::InternalElement *element = m_document->element(m_key);
    m_class->setText(element && !element->refBaseSystemUnitPath.isEmpty()
                         ? element->refBaseSystemUnitPath
                         : tr("(none)"));
    const QString role = element ? roleOf(*element) : QString();
    m_role->setText(role.isEmpty() ? tr("(none)") : role);
    m_form->setRowVisible(ClassField, element != nullptr);
    m_form->setRowVisible(RoleField, element != nullptr);
    if (element) {
        m_counts->setText(tr("%1 attributes, %2 interfaces, %3 child elements, %4 links")
                              .arg(element->attributes.size())
                              .arg(element->interfaces.size())
                              .arg(element->internalElements.size())
                              .arg(element->internalLinks.size()));
    } else {
        m_counts->setText(tr("%n child element(s)", nullptr, int(node->children.size())));
    }
    if (!m_description->hasFocus())
        m_description->setPlainText(object->description());
}

void ElementDetailsWidget::commitName()
{
    const DocumentNode *node = m_document && !m_key.isEmpty() ? m_document->node(m_key) : nullptr;
    const QString name = m_name->text().trimmed();
    if (!node || name.isEmpty() || name == node->name()) {
        if (node)
            m_name->setText(node->name());
        return;
    }
    m_document->undoStack()->push(new RenameElement(m_document, m_key, name));
}

void ElementDetailsWidget::commitDescription()
{
    const DocumentNode *node = m_document && !m_key.isEmpty() ? m_document->node(m_key) : nullptr;
    if (!node)
        return;
    const QString text = m_description->toPlainText();
    if (text == node->caexObject()->description())
        return;
    m_document->undoStack()->push(new SetElementDescription(m_document, m_key, text));
}

bool ElementDetailsWidget::eventFilter(QObject *watched, QEvent *event)
{
    // The description is committed as one undo step when the user leaves the field.
    if (watched == m_description && event->type() == QEvent::FocusOut)
        commitDescription();
    return QTabWidget::eventFilter(watched, event);
}

void ElementDetailsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTabWidget::changeEvent(event);
}

void ElementDetailsWidget::retranslate()
{
    setTabText(indexOf(m_page), tr("Element"));
    m_placeholder->setText(tr("Select an element in the instance hierarchy."));
    m_labels[NameField]->setText(tr("Name:"));
    m_labels[IdField]->setText(tr("ID:"));
    m_labels[PathField]->setText(tr("Path:"));
    m_labels[ClassField]->setText(tr("Class:"));
    m_labels[RoleField]->setText(tr("Role:"));
    m_labels[CountsField]->setText(tr("Contents:"));
    m_labels[DescriptionField]->setText(tr("Description:"));
    refresh();
}

} // namespace dt::editor
