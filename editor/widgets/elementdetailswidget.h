// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QTabWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace dt::editor {

class AmlDocument;

/// The central area: a QTabWidget whose first tab shows the current element (name, ID, path,
/// class, role, description, counts). Name and description edits push commands. Later issues
/// add tabs (3D, charts, dashboard) with addTab().
class ElementDetailsWidget : public QTabWidget
{
    Q_OBJECT
public:
    explicit ElementDetailsWidget(QWidget *parent = nullptr);

    void setDocument(AmlDocument *document);
    /// Shows a keyed node (empty: the "nothing selected" text).
    void setElement(const QString &key);
    QString elementKey() const { return m_key; }
    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void refresh();
    void commitName();
    void commitDescription();

    QPointer<AmlDocument> m_document;
    QString m_key;
    QWidget *m_page;
    QFormLayout *m_form;
    QLabel *m_placeholder;
    QLineEdit *m_name;
    QLabel *m_id;
    QLabel *m_path;
    QLabel *m_class;
    QLabel *m_role;
    QLabel *m_counts;
    QPlainTextEdit *m_description;
    enum Field { NameField, IdField, PathField, ClassField, RoleField, CountsField,
                 DescriptionField, FieldCount };
    QLabel *m_labels[FieldCount] = {};
    QList<QMetaObject::Connection> m_connections;
};

} // namespace dt::editor
