// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iterator>
#include <memory>
#include <utility>
#include <vector>

namespace dt::model {

/// An ordered list of heap-allocated model nodes with value semantics: copying the list copies
/// the nodes deeply; the address of a node never changes while it stays in the list, so views
/// may keep pointers to nodes between edits (QModelIndex::internalPointer).
template <typename T>
class NodeList
{
    using Storage = std::vector<std::unique_ptr<T>>;

public:
    template <typename Inner, typename Value>
    class Iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = Value;
        using difference_type = std::ptrdiff_t;
        using pointer = Value *;
        using reference = Value &;

        Iterator() = default;
        explicit Iterator(Inner it) : m_it(it) {}
        reference operator*() const { return **m_it; }
        pointer operator->() const { return m_it->get(); }
        Iterator &operator++() { ++m_it; return *this; }
        Iterator operator++(int) { Iterator old = *this; ++m_it; return old; }
        Iterator &operator--() { --m_it; return *this; }
        Iterator &operator+=(difference_type n) { m_it += n; return *this; }
        Iterator operator+(difference_type n) const { return Iterator(m_it + n); }
        difference_type operator-(const Iterator &other) const { return m_it - other.m_it; }
        bool operator==(const Iterator &other) const { return m_it == other.m_it; }
        bool operator!=(const Iterator &other) const { return m_it != other.m_it; }

    private:
        Inner m_it{};
    };
    using iterator = Iterator<typename Storage::iterator, T>;
    using const_iterator = Iterator<typename Storage::const_iterator, const T>;

    NodeList() = default;
    NodeList(const NodeList &other)
    {
        m_items.reserve(other.m_items.size());
        for (const auto &item : other.m_items)
            m_items.push_back(std::make_unique<T>(*item));
    }
    NodeList &operator=(const NodeList &other)
    {
        if (this != &other) {
            NodeList copy(other);
            m_items.swap(copy.m_items);
        }
        return *this;
    }
    NodeList(NodeList &&) noexcept = default;
    NodeList &operator=(NodeList &&) noexcept = default;
    ~NodeList() = default;

    int size() const { return int(m_items.size()); }
    bool isEmpty() const { return m_items.empty(); }
    void reserve(int n) { m_items.reserve(size_t(n)); }
    void clear() { m_items.clear(); }

    T &operator[](int i) { return *m_items[size_t(i)]; }
    const T &operator[](int i) const { return *m_items[size_t(i)]; }
    T &at(int i) { return *m_items.at(size_t(i)); }
    const T &at(int i) const { return *m_items.at(size_t(i)); }
    T &first() { return *m_items.front(); }
    const T &first() const { return *m_items.front(); }
    T &last() { return *m_items.back(); }
    const T &last() const { return *m_items.back(); }

    /// Appends a default-constructed node and returns it.
    T &append() { m_items.push_back(std::make_unique<T>()); return *m_items.back(); }
    T &append(T value) { m_items.push_back(std::make_unique<T>(std::move(value))); return *m_items.back(); }
    T &append(std::unique_ptr<T> node) { m_items.push_back(std::move(node)); return *m_items.back(); }
    /// Inserts at index (clamped to [0, size()]) and returns the inserted node.
    T &insert(int index, std::unique_ptr<T> node)
    {
        index = index < 0 ? 0 : (index > size() ? size() : index);
        auto it = m_items.insert(m_items.begin() + index, std::move(node));
        return **it;
    }
    /// Removes the node at index and hands it to the caller (for undo).
    std::unique_ptr<T> take(int index)
    {
        std::unique_ptr<T> node = std::move(m_items[size_t(index)]);
        m_items.erase(m_items.begin() + index);
        return node;
    }
    void removeAt(int index) { m_items.erase(m_items.begin() + index); }
    void move(int from, int to)
    {
        std::unique_ptr<T> node = take(from);
        insert(to, std::move(node));
    }
    /// Index of the node at this address, or -1.
    int indexOf(const T *node) const
    {
        for (size_t i = 0; i < m_items.size(); ++i)
            if (m_items[i].get() == node)
                return int(i);
        return -1;
    }

    iterator begin() { return iterator(m_items.begin()); }
    iterator end() { return iterator(m_items.end()); }
    const_iterator begin() const { return const_iterator(m_items.cbegin()); }
    const_iterator end() const { return const_iterator(m_items.cend()); }

private:
    Storage m_items;
};

/// An optional heap-allocated value with deep-copy semantics; null costs one pointer.
template <typename T>
class ValuePtr
{
public:
    ValuePtr() = default;
    ValuePtr(const ValuePtr &other) : m_ptr(other.m_ptr ? std::make_unique<T>(*other.m_ptr) : nullptr) {}
    ValuePtr &operator=(const ValuePtr &other)
    {
        if (this != &other)
            m_ptr = other.m_ptr ? std::make_unique<T>(*other.m_ptr) : nullptr;
        return *this;
    }
    ValuePtr(ValuePtr &&) noexcept = default;
    ValuePtr &operator=(ValuePtr &&) noexcept = default;
    ~ValuePtr() = default;

    explicit operator bool() const { return bool(m_ptr); }
    const T *get() const { return m_ptr.get(); }
    T *get() { return m_ptr.get(); }
    const T *operator->() const { return m_ptr.get(); }
    T *operator->() { return m_ptr.get(); }
    const T &operator*() const { return *m_ptr; }
    T &operator*() { return *m_ptr; }
    /// The value, created empty on first use.
    T &ensure()
    {
        if (!m_ptr)
            m_ptr = std::make_unique<T>();
        return *m_ptr;
    }
    void reset() { m_ptr.reset(); }

private:
    std::unique_ptr<T> m_ptr;
};

} // namespace dt::model
