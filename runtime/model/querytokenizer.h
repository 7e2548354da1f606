// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to dt::model: the tokens of the query's XPath subset.

#include <QString>

#include <vector>

namespace dt::model::detail {

struct QueryToken
{
    enum class Type : quint8 {
        End,
        Slash,
        DoubleSlash,
        LBracket,
        RBracket,
        LParen,
        RParen,
        At,
        Comma,
        Equal,
        NotEqual,
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
        Star,
        Dot,
        DotDot,
        Name,
        Literal,
        Number,
        Colon,
        ColonColon,
        Invalid,
    };
    Type type = Type::End;
    qsizetype pos = 0;
    QString text; ///< the source text; for Literal the unquoted value; for Invalid the reason
    double number = 0;
};

/// Tokenizes an expression. Stops at the first character it cannot use, which becomes an
/// Invalid token carrying the reason, so the parser reports problems strictly left to right;
/// otherwise the last token is End.
std::vector<QueryToken> tokenizeQuery(const QString &expression);

} // namespace dt::model::detail
