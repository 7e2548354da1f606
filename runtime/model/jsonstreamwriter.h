// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace dt::model {

/// A minimal streaming JSON writer that appends indented UTF-8 to a QByteArray. Keys come out in
/// the order they are written (unlike QJsonObject, which sorts them), and nothing is built in
/// memory but the output, so large models dump quickly.
class JsonStreamWriter
{
public:
    explicit JsonStreamWriter(QByteArray *out, int indentWidth = 1);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    /// Writes the key of the next member; the value follows with one of the calls below.
    void key(const char *name);

    void value(QStringView text);
    void value(const char *latin1);
    void value(bool flag);
    void value(qint64 number);
    void null();
    /// An optional text: the string, or null when absent.
    void value(const std::optional<QString> &text);

    /// key(name) followed by value(...).
    template<typename T> void member(const char *name, const T &v)
    {
        key(name);
        value(v);
    }
    void member(const char *name, const QString &text)
    {
        key(name);
        value(QStringView(text));
    }

    /// A whole array of strings.
    void stringArray(const QList<QString> &list);

private:
    void open(char bracket);
    void close(char bracket);
    void beforeValue();
    void newline();
    void writeString(QStringView text);

    QByteArray *m_out;
    int m_indentWidth;
    int m_depth = 0;
    bool m_afterKey = false;
    /// Whether the innermost open container already has an element (needs a comma).
    QList<bool> m_hasItems;
};

} // namespace dt::model
