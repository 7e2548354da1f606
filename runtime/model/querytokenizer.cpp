// SPDX-License-Identifier: GPL-3.0-or-later
#include "querytokenizer.h"

using namespace Qt::StringLiterals;

namespace dt::model::detail {

namespace {

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.';
}

} // namespace

std::vector<QueryToken> tokenizeQuery(const QString &s)
{
    using T = QueryToken::Type;
    std::vector<QueryToken> tokens;
    qsizetype i = 0;
    const qsizetype n = s.size();
    auto add = [&](T type, qsizetype pos, qsizetype length) {
        tokens.push_back({ type, pos, s.mid(pos, length), 0 });
        i = pos + length;
    };
    while (i < n) {
        const QChar c = s.at(i);
        const QChar next = i + 1 < n ? s.at(i + 1) : QChar();
        if (c.isSpace()) {
            ++i;
            continue;
        }
        switch (c.unicode()) {
        case '/':
            add(next == u'/' ? T::DoubleSlash : T::Slash, i, next == u'/' ? 2 : 1);
            continue;
        case '[':
            add(T::LBracket, i, 1);
            continue;
        case ']':
            add(T::RBracket, i, 1);
            continue;
        case '(':
            add(T::LParen, i, 1);
            continue;
        case ')':
            add(T::RParen, i, 1);
            continue;
        case '@':
            add(T::At, i, 1);
            continue;
        case ',':
            add(T::Comma, i, 1);
            continue;
        case '*':
            add(T::Star, i, 1);
            continue;
        case '=':
            add(T::Equal, i, 1);
            continue;
        case ':':
            add(next == u':' ? T::ColonColon : T::Colon, i, next == u':' ? 2 : 1);
            continue;
        case '<':
            add(next == u'=' ? T::LessEqual : T::Less, i, next == u'=' ? 2 : 1);
            continue;
        case '>':
            add(next == u'=' ? T::GreaterEqual : T::Greater, i, next == u'=' ? 2 : 1);
            continue;
        case '|':
            tokens.push_back({ T::Invalid, i, u"unions ('|') are not supported"_s, 0 });
            return tokens;
        case '!':
            if (next == u'=') {
                add(T::NotEqual, i, 2);
                continue;
            }
            break;
        case '\'':
        case '"': {
            const qsizetype close = s.indexOf(c, i + 1);
            if (close < 0) {
                tokens.push_back({ T::Invalid, i, u"unterminated string literal"_s, 0 });
                return tokens;
            }
            tokens.push_back({ T::Literal, i, s.mid(i + 1, close - i - 1), 0 });
            i = close + 1;
            continue;
        }
        default:
            break;
        }
        if (c.isDigit() || (c == u'.' && next.isDigit())) {
            qsizetype end = i;
            while (end < n && s.at(end).isDigit())
                ++end;
            if (end < n && s.at(end) == u'.') {
                ++end;
                while (end < n && s.at(end).isDigit())
                    ++end;
            }
            QueryToken token { T::Number, i, s.mid(i, end - i), 0 };
            token.number = token.text.toDouble();
            tokens.push_back(token);
            i = end;
            continue;
        }
        if (c == u'.') {
            add(next == u'.' ? T::DotDot : T::Dot, i, next == u'.' ? 2 : 1);
            continue;
        }
        if (isNameStart(c)) {
            qsizetype end = i + 1;
            while (end < n && isNameChar(s.at(end)))
                ++end;
            add(T::Name, i, end - i);
            continue;
        }
        tokens.push_back({ T::Invalid, i, u"unexpected '%1'"_s.arg(c), 0 });
        return tokens;
    }
    tokens.push_back({ T::End, n, QString(), 0 });
    return tokens;
}

} // namespace dt::model::detail
