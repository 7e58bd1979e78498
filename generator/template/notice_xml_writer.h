// model::Notice -> notice XML (templates/notice.xsd), written with libxml2's xmlTextWriter so that
// escaping and encoding are the library's job. `gongwen convert` uses it to show what the plain-text
// reader recognised; the output reads back with read_notice_xml into the same notice.
#pragma once

#include <string>

#include "model/notice.h"

namespace gw::tmpl {

// UTF-8 XML, indented two spaces, elements in the schema's order. Headings that stand alone become
// <h1>…<h4>; run-in headings become <p><lead>…</lead>text</p>. Empty optional fields are left out, so a
// notice that has an issuer, a body and a date gives a document valid against notice.xsd.
std::string write_notice_xml(const model::Notice& notice);

}  // namespace gw::tmpl

namespace gw::model {
inline std::string write_notice_xml(const Notice& notice) { return tmpl::write_notice_xml(notice); }
}  // namespace gw::model
