// Inbound HTML as a tree: gumbo's parse kept in an arena, what each element means to the
// sanitiser and the text extraction (keep, unwrap, drop; line or paragraph break), and a walk
// over the tree without recursion. Internal to html_sanitiser.cc.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace caredesk::mail {

// Gumbo's memory, taken from blocks and released all at once. gumbo_destroy_output frees the
// tree recursively, which a very deep document turns into a stack overflow; with the arena
// nothing is freed node by node.
class Arena {
 public:
  void* Allocate(std::size_t size);

 private:
  static constexpr std::size_t kBlockBytes = 256 * 1024;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;
  std::size_t left_ = 0;
};

// Parses with gumbo into `arena`; the output is valid until the arena goes.
GumboOutput* ParseHtml(std::string_view html, Arena& arena);

// What the sanitiser and the text extraction do with an element.
enum class Action : unsigned char {
  kUnwrap,  // drop the tag, keep what is inside
  kKeep,    // keep the tag (allow-listed)
  kVoid,    // keep the tag, which has no content (br, hr)
  kDrop,    // drop the tag and everything inside
};

// How an element breaks the text.
enum class Break : unsigned char { kNone, kLine, kParagraph };

struct TagRule {
  Action action = Action::kUnwrap;
  Break brk = Break::kNone;
};

// The rule for an element or template node; foreign (SVG, MathML) elements are dropped.
TagRule RuleFor(const GumboNode* node);

const GumboVector* Children(const GumboNode* node);

// Depth-first, in document order, without recursion. `visitor.Enter(node, depth)` says whether
// to go inside; `visitor.Leave(node)` follows for each node gone inside.
template <class Visitor>
void Walk(const GumboNode* root, Visitor& visitor) {
  struct Frame {
    const GumboNode* node;
    unsigned int next_child;
  };
  std::vector<Frame> stack;
  if (!visitor.Enter(root, 0)) return;
  stack.push_back({root, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* children = Children(top.node);
    if (children != nullptr && top.next_child < children->length) {
      const auto* child = static_cast<const GumboNode*>(children->data[top.next_child++]);
      if (visitor.Enter(child, stack.size())) stack.push_back({child, 0});
    } else {
      visitor.Leave(top.node);
      stack.pop_back();
    }
  }
}

}  // namespace caredesk::mail
