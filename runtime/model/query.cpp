// SPDX-License-Identifier: GPL-3.0-or-later
#include "query.h"

#include "caexpath.h"
#include "queryparser.h"

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

const CaexBasicObject *basicObject(Node node)
{
    switch (node.kind) {
    case NodeKind::Document:
        return node.as<CaexFile>();
    case NodeKind::SupportedRoleClass:
        return node.as<SupportedRoleClass>();
    case NodeKind::RoleRequirements:
        return node.as<RoleRequirements>();
    default:
        return caexObject(node);
    }
}

const Attribute *attributeOf(Node node)
{
    if (node.kind == NodeKind::Attribute)
        return node.as<Attribute>();
    if (node.kind == NodeKind::AttributeType)
        return node.as<AttributeType>();
    return nullptr;
}

// The model keeps no "absent" for these attributes, so an empty value counts as absent.
// Pointers, not copies: a copy costs an atomic reference count on memory that is usually cold.
const QString *present(const QString &value)
{
    return value.isEmpty() ? nullptr : &value;
}

const QString *changeModeText(ChangeMode mode)
{
    static const QString names[]
        = { changeModeName(ChangeMode::State), changeModeName(ChangeMode::Create),
              changeModeName(ChangeMode::Delete), changeModeName(ChangeMode::Change) };
    return &names[int(mode) & 3];
}

const QString *schemaVersionText(SchemaVersion version)
{
    static const QString names[]
        = { schemaVersionName(SchemaVersion::V3_0), schemaVersionName(SchemaVersion::V2_15) };
    return &names[version == SchemaVersion::V2_15 ? 1 : 0];
}

const QString *xmlAttribute(Node node, QueryAttribute attribute)
{
    using A = QueryAttribute;
    using K = NodeKind;
    switch (attribute) {
    case A::Name:
    case A::ID:
        if (const CaexObject *object = caexObject(node))
            return present(attribute == A::Name ? object->name : object->id);
        return nullptr;
    case A::RefBaseSystemUnitPath:
        return node.kind == K::InternalElement
            ? present(node.as<InternalElement>()->refBaseSystemUnitPath)
            : nullptr;
    case A::RefBaseClassPath:
        switch (node.kind) {
        case K::SystemUnitClass:
            return present(node.as<SystemUnitClass>()->refBaseClassPath);
        case K::RoleClass:
            return present(node.as<RoleClass>()->refBaseClassPath);
        case K::InterfaceClass:
            return present(node.as<InterfaceClass>()->refBaseClassPath);
        case K::ExternalInterface:
            return present(node.as<ExternalInterface>()->refBaseClassPath);
        default:
            return nullptr;
        }
    case A::RefPartnerSideA:
        return node.kind == K::InternalLink ? present(node.as<InternalLink>()->refPartnerSideA)
                                            : nullptr;
    case A::RefPartnerSideB:
        return node.kind == K::InternalLink ? present(node.as<InternalLink>()->refPartnerSideB)
                                            : nullptr;
    case A::RefRoleClassPath:
        return node.kind == K::SupportedRoleClass
            ? present(node.as<SupportedRoleClass>()->refRoleClassPath)
            : nullptr;
    case A::RefBaseRoleClassPath:
        return node.kind == K::RoleRequirements
            ? present(node.as<RoleRequirements>()->refBaseRoleClassPath)
            : nullptr;
    case A::Unit:
    case A::AttributeDataType:
    case A::RefAttributeType: {
        const Attribute *a = attributeOf(node);
        if (!a)
            return nullptr;
        return present(attribute == A::Unit         ? a->unit
                : attribute == A::AttributeDataType ? a->dataType
                                                    : a->refAttributeType);
    }
    case A::ChangeMode:
        if (const CaexBasicObject *basic = basicObject(node))
            return changeModeText(basic->changeMode);
        return nullptr;
    case A::FileName:
        return node.kind == K::Document ? present(node.as<CaexFile>()->fileName) : nullptr;
    case A::SchemaVersion:
        return node.kind == K::Document ? schemaVersionText(node.as<CaexFile>()->schemaVersion)
                                        : nullptr;
    }
    return nullptr;
}

const QString *textChild(Node node, TextChild child)
{
    switch (child) {
    case TextChild::Value:
    case TextChild::DefaultValue: {
        const Attribute *a = attributeOf(node);
        const std::optional<QString> *text = !a ? nullptr
            : child == TextChild::Value         ? &a->value
                                                : &a->defaultValue;
        return text && text->has_value() ? &**text : nullptr;
    }
    case TextChild::Description: {
        const CaexBasicObject *basic = basicObject(node);
        if (basic && basic->header && basic->header->description)
            return &basic->header->description->text;
        return nullptr;
    }
    }
    return nullptr;
}

/// An XPath value. Strings are views of the model or the compiled query (both outlive an
/// evaluation). Absent is an empty node-set such as a missing
/// attribute, and Strings the attribute values of a node-set ("../@Name"): as in XPath, a
/// comparison holds when it holds for some member, so comparing an empty set is always false.
struct Value
{
    enum class Type : quint8 { Absent, Bool, Number, String, Strings };
    Type type = Type::Absent;
    bool boolean = false;
    double number = 0;
    QStringView string;
    std::vector<QStringView> strings;

    static Value ofBool(bool b)
    {
        Value v;
        v.type = Type::Bool;
        v.boolean = b;
        return v;
    }
    static Value ofNumber(double n)
    {
        Value v;
        v.type = Type::Number;
        v.number = n;
        return v;
    }
    static Value ofString(const QString *s)
    {
        Value v;
        if (s) {
            v.type = Type::String;
            v.string = *s;
        }
        return v;
    }
    bool toBool() const
    {
        switch (type) {
        case Type::Absent:
            return false;
        case Type::Bool:
            return boolean;
        case Type::Number:
            return number != 0 && !std::isnan(number);
        case Type::String:
            return !string.isEmpty();
        case Type::Strings:
            return !strings.empty();
        }
        return false;
    }
    static double toNumber(QStringView text)
    {
        bool ok = false;
        const double n = text.trimmed().toDouble(&ok);
        return ok ? n : std::numeric_limits<double>::quiet_NaN();
    }
    double toNumber() const
    {
        switch (type) {
        case Type::Bool:
            return boolean ? 1 : 0;
        case Type::Number:
            return number;
        case Type::String:
            return toNumber(string);
        case Type::Strings:
            return strings.empty() ? qQNaN() : toNumber(strings.front());
        case Type::Absent:
            break;
        }
        return std::numeric_limits<double>::quiet_NaN();
    }
    /// The string value; 'buffer' holds text that has to be made.
    QStringView toString(QString &buffer) const
    {
        switch (type) {
        case Type::Bool:
            return boolean ? u"true" : u"false";
        case Type::Number:
            buffer = QString::number(number, 'g', 15);
            return buffer;
        case Type::String:
            return string;
        case Type::Strings:
            return strings.empty() ? QStringView() : strings.front();
        case Type::Absent:
            break;
        }
        return QStringView();
    }
};

bool compareScalars(const Value &a, const Value &b, QueryExpr::Op op)
{
    using Op = QueryExpr::Op;
    using T = Value::Type;
    if (op == Op::Equal || op == Op::NotEqual) {
        bool equal;
        if (a.type == T::Bool || b.type == T::Bool)
            equal = a.toBool() == b.toBool();
        else if (a.type == T::Number || b.type == T::Number)
            equal = a.toNumber() == b.toNumber();
        else
            equal = a.string == b.string;
        return op == Op::Equal ? equal : !equal;
    }
    const double x = a.toNumber();
    const double y = b.toNumber();
    switch (op) {
    case Op::Less:
        return x < y;
    case Op::LessEqual:
        return x <= y;
    case Op::Greater:
        return x > y;
    case Op::GreaterEqual:
        return x >= y;
    default:
        return false;
    }
}

bool compare(const Value &a, const Value &b, QueryExpr::Op op)
{
    using T = Value::Type;
    if (a.type == T::Absent || b.type == T::Absent)
        return false;
    if (a.type == T::Strings || b.type == T::Strings) {
        // A boolean compares with the set's emptiness, anything else with each member.
        if (a.type == T::Bool || b.type == T::Bool)
            return compareScalars(Value::ofBool(a.toBool()), Value::ofBool(b.toBool()), op);
        const Value &set = a.type == T::Strings ? a : b;
        for (QStringView member : set.strings) {
            Value one;
            one.type = T::String;
            one.string = member;
            if (a.type == T::Strings ? compare(one, b, op) : compare(a, one, op))
                return true;
        }
        return false;
    }
    return compareScalars(a, b, op);
}

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
    Value eval(const QueryExpr &expr, Node node, int item, int position, int size);
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
    const Value value = eval(predicate, node, item, position, size);
    if (predicate.isNumeric())
        return value.toNumber() == double(position);
    return value.toBool();
}

Value Evaluator::eval(const QueryExpr &e, Node node, int item, int position, int size)
{
    using Op = QueryExpr::Op;
    switch (e.op) {
    case Op::Or:
        return Value::ofBool(eval(e.args[0], node, item, position, size).toBool()
            || eval(e.args[1], node, item, position, size).toBool());
    case Op::And:
        return Value::ofBool(eval(e.args[0], node, item, position, size).toBool()
            && eval(e.args[1], node, item, position, size).toBool());
    case Op::Not:
        return Value::ofBool(!eval(e.args[0], node, item, position, size).toBool());
    case Op::Equal:
    case Op::NotEqual:
    case Op::Less:
    case Op::LessEqual:
    case Op::Greater:
    case Op::GreaterEqual:
        return Value::ofBool(compare(eval(e.args[0], node, item, position, size),
            eval(e.args[1], node, item, position, size), e.op));
    case Op::Literal:
        return Value::ofString(&e.text);
    case Op::Number:
        return Value::ofNumber(e.number);
    case Op::Attribute:
        return Value::ofString(xmlAttribute(node, e.attribute));
    case Op::Text:
        return Value::ofString(textChild(node, e.textChild));
    case Op::Path: {
        // item < 0 cannot happen: descend() materialises nodes for predicates with paths.
        if (!e.path || (item < 0 && !e.path->absolute))
            return Value::ofBool(false);
        if (e.path->attribute) {
            Value values;
            values.type = Value::Type::Strings;
            for (const int match : evaluate(*e.path, e.path->absolute ? 0 : item))
                if (const QString *text
                    = xmlAttribute(m_items[size_t(match)].node, *e.path->attribute))
                    values.strings.push_back(*text);
            return values;
        }
        if (e.path->absolute) {
            const auto cached = m_absolute.constFind(e.path.get());
            if (cached != m_absolute.constEnd())
                return Value::ofBool(cached.value());
            const bool any = !evaluate(*e.path, 0).empty();
            m_absolute.insert(e.path.get(), any);
            return Value::ofBool(any);
        }
        return Value::ofBool(!evaluate(*e.path, item).empty());
    }
    case Op::Contains:
    case Op::StartsWith: {
        const Value haystack = eval(e.args[0], node, item, position, size);
        const Value needle = eval(e.args[1], node, item, position, size);
        QString buffer1;
        QString buffer2;
        const QStringView h = haystack.toString(buffer1);
        const QStringView n = needle.toString(buffer2);
        return Value::ofBool(e.op == Op::Contains ? h.contains(n) : h.startsWith(n));
    }
    case Op::Position:
        return Value::ofNumber(position);
    case Op::Last:
        return Value::ofNumber(size);
    case Op::True:
        return Value::ofBool(true);
    case Op::False:
        return Value::ofBool(false);
    }
    return Value();
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
