#include "template/xml_document.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <map>
#include <mutex>
#include <vector>

#include "base/files.h"
#include "base/utf8.h"

namespace gw::xml {
namespace {

// libxml2 reports errors through a callback; collect them per call.
struct ErrorSink {
  std::vector<Diagnostic> errors;
  std::string file;
};

void collect(void* ctx, const xmlError* err) {
  auto* sink = static_cast<ErrorSink*>(ctx);
  if (!err) return;
  std::string msg = err->message ? err->message : "XML error";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  Diagnostic d;
  d.loc = SourceLoc{sink->file, err->line, err->int2};
  d.message = msg;
  sink->errors.push_back(std::move(d));
}

void structured_adapter(void* ctx, xmlErrorPtr err) { collect(ctx, err); }

constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS;

DocPtr parse_with(const std::string& bytes, const std::string& file) {
  ErrorSink sink{{}, file};
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) throw std::runtime_error("libxml2: cannot create parser context");
  xmlSetStructuredErrorFunc(&sink, structured_adapter);
  xmlDoc* doc = xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), file.c_str(), "UTF-8",
                                  kParseOptions);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  xmlFreeParserCtxt(ctxt);
  if (!doc || !sink.errors.empty()) {
    if (doc) xmlFreeDoc(doc);
    Diagnostic d = sink.errors.empty() ? Diagnostic{Severity::Error, {file}, "not well-formed XML", {}, {}}
                                       : sink.errors.front();
    d.message = "malformed XML: " + d.message;
    d.hint = "fix the XML syntax at this position (unclosed element, stray '<' or '&', wrong encoding)";
    throw InputError(d);
  }
  // Refuse DTDs outright: we never need them and they are the door to entity tricks.
  if (doc->intSubset || doc->extSubset) {
    xmlFreeDoc(doc);
    throw InputError(SourceLoc{file, 1, 1}, "a DOCTYPE is not allowed in gongwen input",
                     "remove the <!DOCTYPE …> declaration");
  }
  return DocPtr(doc);
}

struct SchemaCache {
  std::mutex mu;
  std::map<std::string, xmlSchemaPtr> schemas;
  ~SchemaCache() {
    for (auto& [k, s] : schemas) xmlSchemaFree(s);
  }
};

SchemaCache& cache() {
  static SchemaCache c;
  return c;
}

xmlSchemaPtr load_schema(const std::string& path) {
  auto& c = cache();
  std::lock_guard lock(c.mu);
  auto it = c.schemas.find(path);
  if (it != c.schemas.end()) return it->second;
  xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(path.c_str());
  if (!pctx) throw InputError(SourceLoc{path}, "cannot read schema");
  ErrorSink sink{{}, path};
  xmlSchemaSetParserStructuredErrors(pctx, structured_adapter, &sink);
  xmlSchemaPtr schema = xmlSchemaParse(pctx);
  xmlSchemaFreeParserCtxt(pctx);
  if (!schema) {
    Diagnostic d = sink.errors.empty() ? Diagnostic{Severity::Error, {path}, "invalid schema", {}, {}}
                                       : sink.errors.front();
    d.message = "cannot load schema: " + d.message;
    throw InputError(d);
  }
  c.schemas[path] = schema;
  return schema;
}

}  // namespace

DocPtr parse_file(const std::string& path) { return parse_with(read_file(path), path); }
DocPtr parse_memory(const std::string& bytes, const std::string& file) { return parse_with(bytes, file); }

void validate(xmlDoc* doc, const std::string& schema_path, const std::string& file) {
  xmlSchemaPtr schema = load_schema(schema_path);
  xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
  ErrorSink sink{{}, file};
  xmlSchemaSetValidStructuredErrors(vctx, structured_adapter, &sink);
  int rc = xmlSchemaValidateDoc(vctx, doc);
  xmlSchemaFreeValidCtxt(vctx);
  if (rc == 0 && sink.errors.empty()) return;
  Diagnostic d = sink.errors.empty() ? Diagnostic{Severity::Error, {file}, "does not match its schema", {}, {}}
                                     : sink.errors.front();
  d.loc.file = file;
  d.message = "invalid document: " + d.message;
  std::string more;
  for (size_t i = 1; i < sink.errors.size() && i < 6; ++i)
    more += "\n  also: line " + std::to_string(sink.errors[i].loc.line) + ": " + sink.errors[i].message;
  d.hint = "see " + schema_path.substr(schema_path.rfind('/') + 1) + " for the elements allowed, in order" + more;
  throw InputError(d);
}

std::string name(const xmlNode* n) { return n && n->name ? reinterpret_cast<const char*>(n->name) : ""; }

bool is_element(const xmlNode* n) { return n && n->type == XML_ELEMENT_NODE; }

bool has_attr(const xmlNode* n, const char* a) {
  return xmlHasProp(const_cast<xmlNode*>(n), reinterpret_cast<const xmlChar*>(a)) != nullptr;
}

std::string attr(const xmlNode* n, const char* a, const std::string& fallback) {
  xmlChar* v = xmlGetProp(const_cast<xmlNode*>(n), reinterpret_cast<const xmlChar*>(a));
  if (!v) return fallback;
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

static bool ascii_alnum(unsigned char c) { return std::isalnum(c) != 0; }

std::string text(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(const_cast<xmlNode*>(n));
  std::string raw = v ? reinterpret_cast<const char*>(v) : "";
  if (v) xmlFree(v);
  // Join the source lines: trim each, glue CJK directly, keep one space between Latin words.
  std::string out;
  size_t start = 0;
  while (start <= raw.size()) {
    size_t nl = raw.find('\n', start);
    if (nl == std::string::npos) nl = raw.size();
    std::string line = trim(std::string_view(raw).substr(start, nl - start));
    if (!line.empty()) {
      if (!out.empty() && ascii_alnum(static_cast<unsigned char>(out.back())) &&
          ascii_alnum(static_cast<unsigned char>(line.front())))
        out += ' ';
      out += line;
    }
    start = nl + 1;
  }
  return out;
}

SourceLoc loc(const xmlNode* n, const std::string& file) {
  return SourceLoc{file, n ? static_cast<int>(xmlGetLineNo(const_cast<xmlNode*>(n))) : 0, 0};
}

}  // namespace gw::xml
