// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonstreamwriter.h"

namespace dt::model {

JsonStreamWriter::JsonStreamWriter(QByteArray *out, int indentWidth)
    : m_out(out)
    , m_indentWidth(indentWidth)
{
    m_hasItems.reserve(32);
}

void JsonStreamWriter::newline()
{
    m_out->append('\n');
    m_out->append(qsizetype(m_depth) * m_indentWidth, ' ');
}

void JsonStreamWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_hasItems.isEmpty())
        return; // the top-level value
    if (m_hasItems.last())
        m_out->append(',');
    m_hasItems.last() = true;
    newline();
}

void JsonStreamWriter::open(char bracket)
{
    beforeValue();
    m_out->append(bracket);
    ++m_depth;
    m_hasItems.append(false);
}

void JsonStreamWriter::close(char bracket)
{
    const bool hadItems = m_hasItems.takeLast();
    --m_depth;
    if (hadItems)
        newline();
    m_out->append(bracket);
    if (m_hasItems.isEmpty())
        m_out->append('\n');
}

void JsonStreamWriter::beginObject() { open('{'); }
void JsonStreamWriter::endObject() { close('}'); }
void JsonStreamWriter::beginArray() { open('['); }
void JsonStreamWriter::endArray() { close(']'); }

void JsonStreamWriter::key(const char *name)
{
    beforeValue();
    m_out->append('"');
    m_out->append(name); // keys are our own ASCII identifiers
    m_out->append("\": ", 3);
    m_afterKey = true;
}

void JsonStreamWriter::value(QStringView text)
{
    beforeValue();
    writeString(text);
}

void JsonStreamWriter::value(const char *latin1)
{
    beforeValue();
    writeString(QString::fromLatin1(latin1));
}

void JsonStreamWriter::value(bool flag)
{
    beforeValue();
    m_out->append(flag ? "true" : "false");
}

void JsonStreamWriter::value(qint64 number)
{
    beforeValue();
    m_out->append(QByteArray::number(number));
}

void JsonStreamWriter::null()
{
    beforeValue();
    m_out->append("null", 4);
}

void JsonStreamWriter::value(const std::optional<QString> &text)
{
    if (text)
        value(QStringView(*text));
    else
        null();
}

void JsonStreamWriter::stringArray(const QList<QString> &list)
{
    beginArray();
    for (const QString &s : list)
        value(QStringView(s));
    endArray();
}

void JsonStreamWriter::writeString(QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray &out = *m_out;
    out.append('"');
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i];
        if (c < 0x80) {
            switch (c) {
            case u'"':
                out.append("\\\"", 2);
                continue;
            case u'\\':
                out.append("\\\\", 2);
                continue;
            case u'\n':
                out.append("\\n", 2);
                continue;
            case u'\r':
                out.append("\\r", 2);
                continue;
            case u'\t':
                out.append("\\t", 2);
                continue;
            default:
                break;
            }
            if (c < 0x20) {
                const char esc[] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };
                out.append(esc, 6);
            } else {
                out.append(char(c));
            }
        } else if (c < 0x800) {
            out.append(char(0xc0 | (c >> 6)));
            out.append(char(0x80 | (c & 0x3f)));
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(p[i + 1])) {
            const char32_t u = QChar::surrogateToUcs4(c, p[i + 1]);
            ++i;
            out.append(char(0xf0 | (u >> 18)));
            out.append(char(0x80 | ((u >> 12) & 0x3f)));
            out.append(char(0x80 | ((u >> 6) & 0x3f)));
            out.append(char(0x80 | (u & 0x3f)));
        } else if (QChar::isSurrogate(c)) {
            // A lone surrogate has no UTF-8 form; the escape keeps the dump exact and valid JSON.
            const char esc[] = { '\\', 'u', hex[c >> 12], hex[(c >> 8) & 0xf], hex[(c >> 4) & 0xf],
                hex[c & 0xf] };
            out.append(esc, 6);
        } else {
            out.append(char(0xe0 | (c >> 12)));
            out.append(char(0x80 | ((c >> 6) & 0x3f)));
            out.append(char(0x80 | (c & 0x3f)));
        }
    }
    out.append('"');
}

} // namespace dt::model
