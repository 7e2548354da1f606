// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/linkpartnerdialog.h"

#include "widgets/icons.h"

#include "document/amldocument.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

constexpr int OwnerRefRole = Qt::UserRole + 1;

void addInterfaces(QTreeWidgetItem *parentItem,
                   const model::NodeList<model::ExternalInterface> &list, const OwnerRef &owner,
                   const OwnerRef &exclude)
{
    for (const model::ExternalInterface &interface : list) {
        const OwnerRef ref = owner.child(interface.name);
        if (ref != exclude) {
            auto *item = new QTreeWidgetItem(parentItem);
            item->setText(0, interface.name);
            item->setText(1, interface.refBaseClassPath);
            item->setIcon(0, Icons::named(u"interface"_s));
            item->setData(0, OwnerRefRole, ref.toString());
            addInterfaces(item, interface.interfaces, ref, exclude);
        } else {
            addInterfaces(parentItem, interface.interfaces, ref, exclude);
        }
    }
}

} // namespace

LinkPartnerDialog::LinkPartnerDialog(AmlDocument *document, const OwnerRef &source,
                                     QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_source(source)
    , m_filter(new QLineEdit)
    , m_tree(new QTreeWidget)
{
    setObjectName(u"linkPartnerDialog"_s);
    setWindowTitle(tr("Link to interface"));
    m_filter->setObjectName(u"linkPartnerFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by element or interface"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &LinkPartnerDialog::applyFilter);

    m_tree->setObjectName(u"linkPartnerView"_s);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Element / interface"), tr("Class")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox;
    QPushButton *ok = buttons->addButton(tr("Link"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(u"okButton"_s);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    ok->setEnabled(false);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this, ok]() { ok->setEnabled(selectedPartner().isValid()); });
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this]() {
        if (selectedPartner().isValid())
            accept();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    layout->addWidget(buttons);
    resize(560, 480);
    populate();
}

void LinkPartnerDialog::populate()
{
    m_tree->clear();
    if (!m_document)
        return;
    // Depth-first over the instance tree; elements without interfaces get no row.
    std::vector<const DocumentNode *> stack(m_document->hierarchyNodes().rbegin(),
                                            m_document->hierarchyNodes().rend());
    while (!stack.empty()) {
        const DocumentNode *node = stack.back();
        stack.pop_back();
        for (auto it = node->children.rbegin(); it != node->children.rend(); ++it)
            stack.push_back(*it);
        if (!node->isElement())
            continue;
        const model::InternalElement *element = m_document->element(node->key);
        if (!element || element->interfaces.size() == 0)
            continue;
        auto *elementItem = new QTreeWidgetItem(m_tree);
        elementItem->setText(0, m_document->path(node->key));
        elementItem->setIcon(0, Icons::named(u"element"_s));
        elementItem->setFlags(Qt::ItemIsEnabled);
        addInterfaces(elementItem, element->interfaces, OwnerRef{node->key, {}}, m_source);
        if (elementItem->childCount() == 0)
            delete elementItem;
    }
    m_tree->expandAll();
}

void LinkPartnerDialog::applyFilter(const QString &text)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *element = m_tree->topLevelItem(i);
        const bool elementMatches = element->text(0).contains(text, Qt::CaseInsensitive);
        bool anyChild = false;
        // Interfaces nest (CAEX 3.0); a match anywhere below keeps the path visible.
        std::function<bool(QTreeWidgetItem *)> filterItem = [&](QTreeWidgetItem *item) {
            bool visible = elementMatches || item->text(0).contains(text, Qt::CaseInsensitive);
            for (int c = 0; c < item->childCount(); ++c)
                visible = filterItem(item->child(c)) || visible;
            item->setHidden(!visible);
            return visible;
        };
        for (int c = 0; c < element->childCount(); ++c)
            anyChild = filterItem(element->child(c)) || anyChild;
        element->setHidden(!anyChild);
    }
}

OwnerRef LinkPartnerDialog::selectedPartner() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return OwnerRef();
    return OwnerRef::fromString(item->data(0, OwnerRefRole).toString());
}

bool LinkPartnerDialog::selectPartner(const OwnerRef &partner)
{
    const QString wanted = partner.toString();
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, OwnerRefRole).toString() == wanted) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

} // namespace dt::editor
