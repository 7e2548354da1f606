// SPDX-License-Identifier: GPL-3.0-or-later
#include "queryparser.h"

#include "querytokenizer.h"

#include <array>

using namespace Qt::StringLiterals;

namespace dt::model::detail {

bool QueryExpr::usesPosition() const
{
    if (op == Op::Position || op == Op::Last)
        return true;
    for (const QueryExpr &arg : args)
        if (arg.usesPosition())
            return true;
    return false;
}

bool QueryExpr::usesPath() const
{
    if (op == Op::Path)
        return true;
    for (const QueryExpr &arg : args)
        if (arg.usesPath())
            return true;
    return false;
}

bool QueryStep::hasPositionalPredicate() const
{
    for (const QueryExpr &predicate : predicates)
        if (predicate.isNumeric() || predicate.usesPosition())
            return true;
    return false;
}

namespace {

struct AttributeName
{
    QLatin1StringView name;
    QueryAttribute attribute;
};

constexpr std::array<AttributeName, 14> kAttributes { {
    { "Name"_L1, QueryAttribute::Name },
    { "ID"_L1, QueryAttribute::ID },
    { "RefBaseSystemUnitPath"_L1, QueryAttribute::RefBaseSystemUnitPath },
    { "RefBaseClassPath"_L1, QueryAttribute::RefBaseClassPath },
    { "RefPartnerSideA"_L1, QueryAttribute::RefPartnerSideA },
    { "RefPartnerSideB"_L1, QueryAttribute::RefPartnerSideB },
    { "RefRoleClassPath"_L1, QueryAttribute::RefRoleClassPath },
    { "RefBaseRoleClassPath"_L1, QueryAttribute::RefBaseRoleClassPath },
    { "Unit"_L1, QueryAttribute::Unit },
    { "AttributeDataType"_L1, QueryAttribute::AttributeDataType },
    { "RefAttributeType"_L1, QueryAttribute::RefAttributeType },
    { "ChangeMode"_L1, QueryAttribute::ChangeMode },
    { "FileName"_L1, QueryAttribute::FileName },
    { "SchemaVersion"_L1, QueryAttribute::SchemaVersion },
} };

// Deep nesting could exhaust the stack while parsing and evaluating.
constexpr int kMaxDepth = 64;

class Parser
{
    using T = QueryToken::Type;
    using Op = QueryExpr::Op;

public:
    explicit Parser(const QString &expression)
        : m_tokens(tokenizeQuery(expression))
    {
    }

    Result<std::shared_ptr<const QueryPath>> parse()
    {
        using R = Result<std::shared_ptr<const QueryPath>>;
        auto path = std::make_shared<QueryPath>();
        if (parseTop(*path) && expectEnd()) {
            optimize(*path);
            return R(std::shared_ptr<const QueryPath>(std::move(path)));
        }
        return R::failure(u"unsupported XPath at column %1: %2"_s.arg(m_errorPos + 1).arg(m_error));
    }

private:
    const QueryToken &peek(size_t ahead = 0) const
    {
        const size_t index = std::min(m_pos + ahead, m_tokens.size() - 1);
        return m_tokens[index];
    }
    const QueryToken &take() { return m_tokens[std::min(m_pos++, m_tokens.size() - 1)]; }

    bool fail(const QueryToken &at, const QString &message)
    {
        if (m_error.isEmpty()) {
            m_errorPos = at.pos;
            m_error = at.type == T::Invalid ? at.text : message;
        }
        return false;
    }
    static QString describe(const QueryToken &token)
    {
        return token.type == T::End ? u"end of expression"_s : u"'%1'"_s.arg(token.text);
    }
    bool expect(T type, const QString &what)
    {
        if (peek().type != type)
            return fail(peek(), u"expected %1, found %2"_s.arg(what, describe(peek())));
        take();
        return true;
    }
    bool expectEnd()
    {
        if (peek().type == T::End)
            return true;
        return fail(peek(), u"unexpected %1"_s.arg(describe(peek())));
    }

    bool parseTop(QueryPath &path)
    {
        if (peek().type == T::End)
            return fail(peek(), u"empty expression"_s);
        if (peek().type == T::LBracket) {
            // The paper's "[@Name='Motor1']": every element below the context that matches.
            QueryStep step;
            step.axis = QueryStep::Axis::Descendant;
            if (!parsePredicates(step))
                return false;
            path.steps.push_back(std::move(step));
            return parseFollowingSteps(path);
        }
        return parseLocationPath(path);
    }

    bool parseLocationPath(QueryPath &path)
    {
        if (peek().type == T::Slash) {
            take();
            path.absolute = true;
            if (!startsStep(peek()))
                return true; // "/" alone: the document root
        } else if (peek().type == T::DoubleSlash) {
            take();
            path.absolute = true;
            path.steps.push_back(descendantOrSelf());
        }
        return parseStep(path) && parseFollowingSteps(path);
    }

    bool parseFollowingSteps(QueryPath &path)
    {
        for (;;) {
            if (peek().type == T::Slash) {
                take();
                if (peek().type == T::At && m_predicateDepth > 0) {
                    // "../@Name": a value, so it must end the path.
                    take();
                    QueryExpr attribute;
                    if (!parseAttribute(attribute))
                        return false;
                    path.attribute = attribute.attribute;
                    return true;
                }
            } else if (peek().type == T::DoubleSlash) {
                take();
                path.steps.push_back(descendantOrSelf());
            } else {
                return true;
            }
            if (!parseStep(path))
                return false;
        }
    }

    static QueryStep descendantOrSelf()
    {
        QueryStep step;
        step.axis = QueryStep::Axis::DescendantOrSelf;
        return step;
    }

    static bool startsStep(const QueryToken &token)
    {
        return token.type == T::Name || token.type == T::Star || token.type == T::Dot
            || token.type == T::DotDot || token.type == T::At;
    }

    bool parseStep(QueryPath &path)
    {
        QueryStep step;
        const QueryToken &token = peek();
        switch (token.type) {
        case T::Dot:
            step.axis = QueryStep::Axis::Self;
            break;
        case T::DotDot:
            step.axis = QueryStep::Axis::Parent;
            break;
        case T::Star:
            break;
        case T::Name: {
            const QueryToken &after = peek(1);
            if (after.type == T::ColonColon)
                return fail(token, u"axes ('%1::') are not supported"_s.arg(token.text));
            if (after.type == T::Colon)
                return fail(after, u"namespace prefixes are not supported"_s);
            if (after.type == T::LParen)
                return fail(token, u"'%1()' is not supported as a step"_s.arg(token.text));
            const std::optional<NodeKind> kind = nodeKindFromName(token.text);
            if (!kind)
                return fail(token, u"unknown element '%1'"_s.arg(token.text));
            step.anyKind = false;
            step.kind = *kind;
            break;
        }
        case T::At:
            return fail(token, u"attribute steps ('@') are only supported inside predicates"_s);
        default:
            return fail(token,
                u"expected an element name, '*', '.' or '..', found %1"_s.arg(describe(token)));
        }
        take();
        if (!parsePredicates(step))
            return false;
        path.steps.push_back(std::move(step));
        return true;
    }

    bool parsePredicates(QueryStep &step)
    {
        while (peek().type == T::LBracket) {
            take();
            QueryExpr predicate;
            ++m_predicateDepth;
            const bool ok = parseExpr(predicate);
            --m_predicateDepth;
            if (!ok || !expect(T::RBracket, u"']'"_s))
                return false;
            step.predicates.push_back(std::move(predicate));
        }
        return true;
    }

    bool parseExpr(QueryExpr &out)
    {
        if (++m_depth > kMaxDepth) {
            --m_depth;
            return fail(peek(), u"expression nested too deeply"_s);
        }
        const bool ok = parseBinary(out, 0);
        --m_depth;
        return ok;
    }

    // Precedence levels: 0 or, 1 and, 2 = !=, 3 < <= > >=, 4 primary.
    bool parseBinary(QueryExpr &out, int level)
    {
        if (level == 4)
            return parsePrimary(out);
        const QueryToken &first = peek();
        if (!parseBinary(out, level + 1))
            return false;
        const QueryToken *leftToken = &first;
        for (;;) {
            const QueryToken &token = peek();
            Op op;
            if (!binaryOp(token, level, op))
                return true;
            take();
            const QueryToken &rightToken = peek();
            QueryExpr right;
            if (!parseBinary(right, level + 1))
                return false;
            if (level >= 2) {
                // Element node-sets have no string value here; "path/@Attr" has.
                if (isElementPath(out))
                    return fail(*leftToken, comparePathMessage());
                if (isElementPath(right))
                    return fail(rightToken, comparePathMessage());
            }
            QueryExpr combined;
            combined.op = op;
            combined.args.push_back(std::move(out));
            combined.args.push_back(std::move(right));
            out = std::move(combined);
            leftToken = &first;
        }
    }

    static bool isElementPath(const QueryExpr &expr)
    {
        return expr.op == Op::Path && !(expr.path && expr.path->attribute);
    }

    static QString comparePathMessage()
    {
        return u"comparing a location path is not supported; compare @Attribute, Value or a "
               u"function, or test a child with Attribute[@Name='x']"_s;
    }

    static bool binaryOp(const QueryToken &token, int level, Op &op)
    {
        switch (level) {
        case 0:
            op = Op::Or;
            return token.type == T::Name && token.text == "or"_L1;
        case 1:
            op = Op::And;
            return token.type == T::Name && token.text == "and"_L1;
        case 2:
            op = token.type == T::Equal ? Op::Equal : Op::NotEqual;
            return token.type == T::Equal || token.type == T::NotEqual;
        case 3:
            switch (token.type) {
            case T::Less:
                op = Op::Less;
                return true;
            case T::LessEqual:
                op = Op::LessEqual;
                return true;
            case T::Greater:
                op = Op::Greater;
                return true;
            case T::GreaterEqual:
                op = Op::GreaterEqual;
                return true;
            default:
                return false;
            }
        default:
            return false;
        }
    }

    bool parsePrimary(QueryExpr &out)
    {
        const QueryToken &token = peek();
        switch (token.type) {
        case T::LParen:
            take();
            return parseExpr(out) && expect(T::RParen, u"')'"_s);
        case T::Literal:
            out.op = Op::Literal;
            out.text = take().text;
            return true;
        case T::Number:
            out.op = Op::Number;
            out.number = take().number;
            return true;
        case T::At:
            take();
            return parseAttribute(out);
        case T::Name:
            if (peek(1).type == T::LParen)
                return parseFunction(out);
            if (parseTextChild(out))
                return true;
            break;
        case T::Slash:
        case T::DoubleSlash:
        case T::Dot:
        case T::DotDot:
        case T::Star:
            break;
        default:
            return fail(token, u"expected an expression, found %1"_s.arg(describe(token)));
        }
        auto path = std::make_shared<QueryPath>();
        if (!parseLocationPath(*path))
            return false;
        out.op = Op::Path;
        out.path = std::move(path);
        return true;
    }

    bool parseAttribute(QueryExpr &out)
    {
        const QueryToken &name = peek();
        if (name.type == T::Star)
            return fail(name, u"'@*' is not supported"_s);
        if (name.type != T::Name)
            return fail(
                name, u"expected an attribute name after '@', found %1"_s.arg(describe(name)));
        for (const AttributeName &known : kAttributes) {
            if (name.text == known.name) {
                take();
                out.op = Op::Attribute;
                out.attribute = known.attribute;
                return true;
            }
        }
        for (const AttributeName &known : kAttributes)
            if (name.text.compare(known.name, Qt::CaseInsensitive) == 0)
                return fail(name,
                    u"unknown attribute '@%1' (did you mean '@%2'?)"_s.arg(name.text, known.name));
        return fail(name, u"unknown attribute '@%1'"_s.arg(name.text));
    }

    bool parseTextChild(QueryExpr &out)
    {
        static const std::array<std::pair<QLatin1StringView, TextChild>, 3> texts { {
            { "Value"_L1, TextChild::Value },
            { "DefaultValue"_L1, TextChild::DefaultValue },
            { "Description"_L1, TextChild::Description },
        } };
        const T after = peek(1).type;
        if (after == T::Slash || after == T::DoubleSlash || after == T::LBracket)
            return false;
        for (const auto &[name, child] : texts) {
            if (peek().text == name) {
                take();
                out.op = Op::Text;
                out.textChild = child;
                return true;
            }
        }
        return false;
    }

    bool parseFunction(QueryExpr &out)
    {
        struct Function
        {
            QLatin1StringView name;
            Op op;
            int arity;
        };
        static const std::array<Function, 7> functions { {
            { "not"_L1, Op::Not, 1 },
            { "contains"_L1, Op::Contains, 2 },
            { "starts-with"_L1, Op::StartsWith, 2 },
            { "position"_L1, Op::Position, 0 },
            { "last"_L1, Op::Last, 0 },
            { "true"_L1, Op::True, 0 },
            { "false"_L1, Op::False, 0 },
        } };
        const QueryToken &nameToken = take();
        const Function *function = nullptr;
        for (const Function &candidate : functions)
            if (nameToken.text == candidate.name)
                function = &candidate;
        if (!function)
            return fail(nameToken, u"function '%1()' is not supported"_s.arg(nameToken.text));
        take(); // '('
        out.op = function->op;
        if (peek().type != T::RParen) {
            for (;;) {
                const QueryToken &argToken = peek();
                QueryExpr arg;
                if (!parseExpr(arg))
                    return false;
                if (isElementPath(arg) && function->op != Op::Not)
                    return fail(argToken,
                        u"'%1()' needs a string such as @Name, not a path"_s.arg(function->name));
                out.args.push_back(std::move(arg));
                if (peek().type != T::Comma)
                    break;
                take();
            }
        }
        if (!expect(T::RParen, u"')'"_s))
            return false;
        if (int(out.args.size()) != function->arity)
            return fail(nameToken,
                u"'%1()' takes %2 argument(s), got %3"_s.arg(function->name)
                    .arg(function->arity)
                    .arg(out.args.size()));
        return true;
    }

    static void optimize(QueryPath &path)
    {
        using Axis = QueryStep::Axis;
        for (QueryStep &step : path.steps)
            for (QueryExpr &predicate : step.predicates)
                optimize(predicate);

        std::vector<QueryStep> steps;
        for (size_t i = 0; i < path.steps.size(); ++i) {
            QueryStep &step = path.steps[i];
            const bool hasNext = i + 1 < path.steps.size();
            // A "." followed by more steps changes nothing.
            if (step.axis == Axis::Self && step.anyKind && step.predicates.empty() && hasNext)
                continue;
            // "//X" is descendant::X unless a positional predicate needs per-parent numbering.
            if (step.axis == Axis::DescendantOrSelf && hasNext
                && path.steps[i + 1].axis == Axis::Child
                && !path.steps[i + 1].hasPositionalPredicate()) {
                QueryStep fused = std::move(path.steps[i + 1]);
                fused.axis = Axis::Descendant;
                steps.push_back(std::move(fused));
                ++i;
                continue;
            }
            steps.push_back(std::move(step));
        }
        // The CAEXFile element is the root itself: "/CAEXFile/..." and "//CAEXFile".
        if (path.absolute && !steps.empty() && !steps.front().anyKind
            && steps.front().kind == NodeKind::Document
            && (steps.front().axis == Axis::Child || steps.front().axis == Axis::Descendant))
            steps.front().axis = Axis::Self;
        path.steps = std::move(steps);
    }

    static void optimize(QueryExpr &expr)
    {
        for (QueryExpr &arg : expr.args)
            optimize(arg);
        if (expr.op == Op::Path && expr.path) {
            auto copy = std::make_shared<QueryPath>(*expr.path);
            optimize(*copy);
            expr.path = std::move(copy);
        }
    }

    std::vector<QueryToken> m_tokens;
    size_t m_pos = 0;
    qsizetype m_errorPos = 0;
    QString m_error;
    int m_depth = 0;
    int m_predicateDepth = 0;
};

} // namespace

Result<std::shared_ptr<const QueryPath>> parseQuery(const QString &expression)
{
    return Parser(expression).parse();
}

} // namespace dt::model::detail
