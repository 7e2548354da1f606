// SPDX-License-Identifier: GPL-3.0-or-later
#include "query.h"

#include "caexpath.h"
#include "queryparser.h"
#include "queryvalue.h"

#include <QHash>
#include <QSet>
#include <QtNumeric>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace dt::model {

using namespace detail;

namespace {

/// Evaluates compiled paths over one document. Visited nodes are kept in an arena with their
/// parent, because the model has no parent pointers and '..' and result paths need them; the
/// arena lives as long as one evaluation.
class Evaluator
{
public:
    explicit Evaluator(const CaexFile &file)
        : m_file(file)
    {
        m_items.push_back({ documentNode(file), -1, 0 });
    }

    int locate(const ElementRef &context);
    std::vector<int> evaluate(const QueryPath &path, int context);
    QList<ElementRef> references(const std::vector<int> &items);

private:
    struct Item
    {
        Node node;
        int parent;
        int ordinal;
    };

    int push(Node node, int parent, int ordinal)
    {
        m_items.push_back({ node, parent, ordinal });
        return int(m_items.size()) - 1;
    }
    std::vector<int> step(const QueryStep &step, const std::vector<int> &contexts);
    void descend(const QueryStep &step, int context, bool includeSelf, std::vector<int> &out);
    void filter(const QueryStep &step, std::vector<int> &candidates);
    /// 'item' is the node's arena entry, or -1 for a predicate that walks no path.
    bool holds(const QueryExpr &predicate, Node node, int item, int position, int size);
    QueryValue eval(const QueryExpr &expr, Node node, int item, int position, int size);
    void normalize(std::vector<int> &items);
    QString pathOfItem(int item, std::vector<QString> *memo);

    const CaexFile &m_file;
    std::vector<Item> m_items;
    QHash<const QueryPath *, bool> m_absolute; ///< absolute paths inside predicates, once each
};

// The kinds worth entering when looking for 'target' below a node.
KindMask walkMask(KindMask target)
{
    KindMask mask = target;
    for (int k = 0; k < NodeKindCount; ++k)
        if (descendantKinds(NodeKind(k)) & target)
            mask |= kindBit(NodeKind(k));
    return mask;
}

int Evaluator::locate(const ElementRef &context)
{
    if (!context.isValid() || context.node == &m_file)
        return 0;
    const std::optional<NodeKind> kind = nodeKind(context.kind);
    if (!kind)
        return -1;
    const KindMask mask = walkMask(kindBit(*kind));
    const QStringList segments = CaexPath::parse(context.path).segments;

    struct Visit
    {
        Node node;
        int parent; ///< index in 'visited'
        int ordinal;
        int depth; ///< named ancestors-or-self below the root
    };
    // First follow the names of the context's path (fast); if the path is stale, search all.
    for (const bool guided : { true, false }) {
        std::vector<Visit> visited { { documentNode(m_file), -1, 0, 0 } };
        std::vector<int> stack { 0 };
        std::vector<ChildNode> children;
        while (!stack.empty()) {
            const int at = stack.back();
            stack.pop_back();
            const Visit current = visited[size_t(at)];
            if (current.node.ptr == context.node) {
                std::vector<int> chain;
                for (int v = at; v > 0; v = visited[size_t(v)].parent)
                    chain.push_back(v);
                int parent = 0;
                for (auto it = chain.rbegin(); it != chain.rend(); ++it)
                    parent = push(visited[size_t(*it)].node, parent, visited[size_t(*it)].ordinal);
                return parent;
            }
            children.clear();
            appendChildren(current.node, mask, children);
            for (auto it = children.rbegin(); it != children.rend(); ++it) {
                const CaexObject *object = caexObject(it->node);
                const int depth = current.depth + (object ? 1 : 0);
                if (guided && object
                    && (depth > segments.size() || object->name != segments.at(depth - 1)))
                    continue;
                visited.push_back({ it->node, at, it->ordinal, depth });
                stack.push_back(int(visited.size()) - 1);
            }
        }
    }
    return -1;
}

std::vector<int> Evaluator::evaluate(const QueryPath &path, int context)
{
    std::vector<int> current { path.absolute ? 0 : context };
    for (const QueryStep &s : path.steps) {
        current = step(s, current);
        if (current.empty())
            break;
    }
    return current;
}

std::vector<int> Evaluator::step(const QueryStep &s, const std::vector<int> &contexts)
{
    using Axis = QueryStep::Axis;
    std::vector<int> out;
    std::vector<ChildNode> children;
    for (const int context : contexts) {
        std::vector<int> candidates;
        switch (s.axis) {
        case Axis::Child: {
            children.clear();
            appendChildren(
                m_items[size_t(context)].node, s.anyKind ? AllKinds : kindBit(s.kind), children);
            candidates.reserve(children.size());
            for (const ChildNode &child : children)
                candidates.push_back(push(child.node, context, child.ordinal));
            filter(s, candidates);
            break;
        }
        case Axis::Descendant:
            descend(s, context, false, out);
            continue; // filtered while walking
        case Axis::DescendantOrSelf:
            descend(s, context, true, candidates);
            filter(s, candidates);
            break;
        case Axis::Self:
            if (s.matches(m_items[size_t(context)].node.kind))
                candidates.push_back(context);
            filter(s, candidates);
            break;
        case Axis::Parent: {
            const int parent = m_items[size_t(context)].parent;
            if (parent >= 0 && s.matches(m_items[size_t(parent)].node.kind))
                candidates.push_back(parent);
            filter(s, candidates);
            break;
        }
        }
        out.insert(out.end(), candidates.begin(), candidates.end());
    }
    // One context yields document order already; several may overlap or interleave.
    if (contexts.size() > 1)
        normalize(out);
    return out;
}

// Preorder walk below 'context', entering only nodes that can hold the step's kind. Candidates
// are tested as they are met, which keeps document order and needs no second pass; positional
// predicates never get here (the parser keeps those on a per-parent child step).
// Preorder walk below 'context', entering only nodes that can hold the step's kind. Candidates
// are tested as they are met, which keeps document order and needs no second pass; positional
// predicates never get here (the parser keeps those on a per-parent child step). Nodes enter the
// arena only when they match or have children to visit: most nodes of a large model do neither.
void Evaluator::descend(const QueryStep &s, int context, bool includeSelf, std::vector<int> &out)
{
    const KindMask target = s.anyKind ? AllKinds : kindBit(s.kind);
    const KindMask mask = walkMask(target);
    // descendant-or-self steps carry no predicates of their own; the caller filters them.
    const bool test = s.axis == QueryStep::Axis::Descendant && !s.predicates.empty();
    bool local = true;
    for (const QueryExpr &predicate : s.predicates)
        local = local && !predicate.usesPath();
    auto passes = [&](Node node, int item) {
        if (test)
            for (const QueryExpr &predicate : s.predicates)
                if (!holds(predicate, node, item, 1, 1))
                    return false;
        return true;
    };
    if (includeSelf && s.matches(m_items[size_t(context)].node.kind)
        && passes(m_items[size_t(context)].node, context))
        out.push_back(context);

    struct Pending
    {
        ChildNode child;
        int parent;
    };
    std::vector<Pending> stack;
    std::vector<ChildNode> children;
    appendChildren(m_items[size_t(context)].node, mask, children);
    for (auto it = children.rbegin(); it != children.rend(); ++it)
        stack.push_back({ *it, context });
    while (!stack.empty()) {
        const Pending current = stack.back();
        stack.pop_back();
        const Node node = current.child.node;
        int item = -1;
        if (s.matches(node.kind)) {
            if (!local)
                item = push(node, current.parent, current.child.ordinal);
            if (passes(node, item)) {
                if (item < 0)
                    item = push(node, current.parent, current.child.ordinal);
                out.push_back(item);
            }
        }
        if (!(descendantKinds(node.kind) & target))
            continue;
        children.clear();
        appendChildren(node, mask, children);
        if (children.empty())
            continue;
        if (item < 0)
            item = push(node, current.parent, current.child.ordinal);
        for (auto it = children.rbegin(); it != children.rend(); ++it)
            stack.push_back({ *it, item });
    }
}

void Evaluator::filter(const QueryStep &s, std::vector<int> &candidates)
{
    for (const QueryExpr &predicate : s.predicates) {
        std::vector<int> kept;
        const int size = int(candidates.size());
        for (int i = 0; i < size; ++i)
            if (holds(predicate, m_items[size_t(candidates[size_t(i)])].node, candidates[size_t(i)],
                    i + 1, size))
                kept.push_back(candidates[size_t(i)]);
        candidates = std::move(kept);
        if (candidates.empty())
            return;
    }
}

bool Evaluator::holds(const QueryExpr &predicate, Node node, int item, int position, int size)
{
    using Op = QueryExpr::Op;
    // [@Name='X'] is nearly every query: compare in place.
    if ((predicate.op == Op::Equal || predicate.op == Op::NotEqual)
        && predicate.args[0].op == Op::Attribute && predicate.args[1].op == Op::Literal) {
        const QString *value = xmlAttribute(node, predicate.args[0].attribute);
        return value && (*value == predicate.args[1].text) == (predicate.op == Op::Equal);
    }
    const QueryValue value = eval(predicate, node, item, position, size);
    if (predicate.isNumeric())
        return value.toNumber() == double(position);
    return value.toBool();
}

QueryValue Evaluator::eval(const QueryExpr &e, Node node, int item, int position, int size)
{
    using Op = QueryExpr::Op;
    switch (e.op) {
    case Op::Or:
        return QueryValue::ofBool(eval(e.args[0], node, item, position, size).toBool()
            || eval(e.args[1], node, item, position, size).toBool());
    case Op::And:
        return QueryValue::ofBool(eval(e.args[0], node, item, position, size).toBool()
            && eval(e.args[1], node, item, position, size).toBool());
    case Op::Not:
        return QueryValue::ofBool(!eval(e.args[0], node, item, position, size).toBool());
    case Op::Equal:
    case Op::NotEqual:
    case Op::Less:
    case Op::LessEqual:
    case Op::Greater:
    case Op::GreaterEqual:
        return QueryValue::ofBool(compareValues(eval(e.args[0], node, item, position, size),
            eval(e.args[1], node, item, position, size), e.op));
    case Op::Literal:
        return QueryValue::ofString(&e.text);
    case Op::Number:
        return QueryValue::ofNumber(e.number);
    case Op::Attribute:
        return QueryValue::ofString(xmlAttribute(node, e.attribute));
    case Op::Text:
        return QueryValue::ofString(textChild(node, e.textChild));
    case Op::Path: {
        // item < 0 cannot happen: descend() materialises nodes for predicates with paths.
        if (!e.path || (item < 0 && !e.path->absolute))
            return QueryValue::ofBool(false);
        if (e.path->attribute) {
            QueryValue values;
            values.type = QueryValue::Type::Strings;
            for (const int match : evaluate(*e.path, e.path->absolute ? 0 : item))
                if (const QString *text
                    = xmlAttribute(m_items[size_t(match)].node, *e.path->attribute))
                    values.strings.push_back(*text);
            return values;
        }
        if (e.path->absolute) {
            const auto cached = m_absolute.constFind(e.path.get());
            if (cached != m_absolute.constEnd())
                return QueryValue::ofBool(cached.value());
            const bool any = !evaluate(*e.path, 0).empty();
            m_absolute.insert(e.path.get(), any);
            return QueryValue::ofBool(any);
        }
        return QueryValue::ofBool(!evaluate(*e.path, item).empty());
    }
    case Op::Contains:
    case Op::StartsWith: {
        const QueryValue haystack = eval(e.args[0], node, item, position, size);
        const QueryValue needle = eval(e.args[1], node, item, position, size);
        QString buffer1;
        QString buffer2;
        const QStringView h = haystack.toString(buffer1);
        const QStringView n = needle.toString(buffer2);
        return QueryValue::ofBool(e.op == Op::Contains ? h.contains(n) : h.startsWith(n));
    }
    case Op::Position:
        return QueryValue::ofNumber(position);
    case Op::Last:
        return QueryValue::ofNumber(size);
    case Op::True:
        return QueryValue::ofBool(true);
    case Op::False:
        return QueryValue::ofBool(false);
    }
    return QueryValue();
}

void Evaluator::normalize(std::vector<int> &items)
{
    QSet<const void *> seen;
    std::vector<std::pair<std::vector<int>, int>> keyed;
    keyed.reserve(items.size());
    for (const int item : items) {
        if (seen.contains(m_items[size_t(item)].node.ptr))
            continue;
        seen.insert(m_items[size_t(item)].node.ptr);
        std::vector<int> key;
        for (int i = item; i > 0; i = m_items[size_t(i)].parent)
            key.push_back(m_items[size_t(i)].ordinal);
        std::reverse(key.begin(), key.end());
        keyed.emplace_back(std::move(key), item);
    }
    // Lexicographic order of child ordinals is document order (an ancestor sorts first).
    std::sort(keyed.begin(), keyed.end());
    items.clear();
    for (const auto &entry : keyed)
        items.push_back(entry.second);
}

QString Evaluator::pathOfItem(int item, std::vector<QString> *memo)
{
    if (item <= 0)
        return QString();
    if (memo && !(*memo)[size_t(item)].isNull())
        return (*memo)[size_t(item)];
    const Item &it = m_items[size_t(item)];
    QString path = pathOfItem(it.parent, memo);
    if (const CaexObject *object = caexObject(it.node)) {
        if (!path.isEmpty())
            path += u'/';
        path += CaexPath::escapeSegment(object->name);
    }
    if (memo)
        (*memo)[size_t(item)] = path.isNull() ? u""_s : path;
    return path;
}

QList<ElementRef> Evaluator::references(const std::vector<int> &items)
{
    QList<ElementRef> refs;
    refs.reserve(qsizetype(items.size()));
    // Many results share ancestors; remember their paths.
    std::vector<QString> memo;
    if (items.size() > 16)
        memo.resize(m_items.size());
    for (const int item : items) {
        const Node node = m_items[size_t(item)].node;
        const ElementKind kind = elementKind(node.kind);
        if (kind == ElementKind::None)
            continue; // CAEXFile, SupportedRoleClass, RoleRequirements are never results
        refs.append(ElementRef {
            kind, node.ptr, &m_file, pathOfItem(item, memo.empty() ? nullptr : &memo) });
    }
    return refs;
}

} // namespace

struct Query::Compiled
{
    QString expression;
    std::shared_ptr<const QueryPath> path;
};

Query::Query() = default;
Query::~Query() = default;
Query::Query(Query &&) noexcept = default;
Query &Query::operator=(Query &&) noexcept = default;

Query::Query(const Query &other)
    : m_compiled(other.m_compiled ? std::make_unique<Compiled>(*other.m_compiled) : nullptr)
{
}

Query &Query::operator=(const Query &other)
{
    if (this != &other)
        m_compiled = other.m_compiled ? std::make_unique<Compiled>(*other.m_compiled) : nullptr;
    return *this;
}

Result<Query> Query::parse(const QString &expression)
{
    Result<std::shared_ptr<const QueryPath>> parsed = parseQuery(expression);
    if (!parsed)
        return Result<Query>::failure(parsed.error());
    Query query;
    query.m_compiled = std::make_unique<Compiled>(Compiled { expression, parsed.takeValue() });
    return Result<Query>(std::move(query));
}

QList<ElementRef> Query::evaluate(const CaexFile &file) const
{
    if (!m_compiled || !m_compiled->path)
        return {};
    Evaluator evaluator(file);
    return evaluator.references(evaluator.evaluate(*m_compiled->path, 0));
}

QList<ElementRef> Query::evaluate(const CaexFile &file, const ElementRef &context) const
{
    if (!m_compiled || !m_compiled->path)
        return {};
    Evaluator evaluator(file);
    const int start = evaluator.locate(context);
    if (start < 0)
        return {};
    return evaluator.references(evaluator.evaluate(*m_compiled->path, start));
}

QString Query::expression() const
{
    return m_compiled ? m_compiled->expression : QString();
}

} // namespace dt::model
