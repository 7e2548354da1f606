// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QXmlStreamWriter>

#include <utility>
#include <vector>

class QXmlStreamReader;

namespace dt::model {

/// Re-serializes tokens from a QXmlStreamReader into a standalone XML fragment (private to the
/// reader). Names keep their prefixes; each namespace an element or attribute uses is declared
/// in the fragment, at the outermost element that needs it, so the fragment parses on its own.
class XmlFragmentWriter
{
public:
    XmlFragmentWriter();
    XmlFragmentWriter(const XmlFragmentWriter &) = delete;
    XmlFragmentWriter &operator=(const XmlFragmentWriter &) = delete;

    /// Writes the start tag the reader is positioned at, with its attributes.
    void startElement(const QXmlStreamReader &xml);
    void endElement();
    /// Writes the text token the reader is positioned at (CDATA stays CDATA).
    void characters(const QXmlStreamReader &xml);
    void comment(const QXmlStreamReader &xml);
    void processingInstruction(const QXmlStreamReader &xml);

    /// The fragment written so far.
    QString take();

private:
    void declare(QStringView prefix, QStringView namespaceUri);
    bool isInScope(QStringView prefix, QStringView namespaceUri) const;

    QString m_text;
    QXmlStreamWriter m_writer;
    /// Declarations made in the fragment, innermost last; m_marks holds the size per open element.
    std::vector<std::pair<QString, QString>> m_scope;
    std::vector<size_t> m_marks;
};

} // namespace dt::model
