// libharu streams over bytes we hold. A libharu memory stream keeps its data in 4 KB buffers that it
// fills and reads back byte by byte (HPDF_MemCpy, and an HPDF_MemSet before every read); a font's
// bytes went through that three times on their way into a document — into the font's stream, out of
// it into the document's stream, out of that into our string (perf: a tenth of a batch's CPU time).
// Here a stream object reads its data straight from bytes we keep (compressed once; a SharedFonts'
// bytes serve many documents), and the document is written straight into a std::string. Private
// to export/pdf.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

namespace gw::pdf {

// Makes `bytes` the data of the stream object `dict` (from HPDF_DictStream_New, or a page's
// contents) without copying them: libharu reads them when the document is saved, so they must live
// until then (HpdfSession::keep). When `deflated` (compressed() with a level) the dictionary states
// /Filter /FlateDecode; libharu does not compress the data again. /Length is written as a number.
void use_stream_data(HPDF_Dict dict, std::string_view bytes, bool deflated);

// A libharu output stream that appends everything written to it to *out, which must outlive it.
// The caller frees it with HPDF_Stream_Free, unless an object that frees its streams owns it.
HPDF_Stream string_writer(HPDF_MMgr mmgr, std::string* out);

// Makes `bytes` the content stream of `page` (as use_stream_data: kept until the save). The page's
// operators are written by us, not through libharu's page functions; afterwards the page's stream
// is a reader, so a write to it by libharu would be an error (HPDF_INVALID_OPERATION), not lost.
void set_page_contents(HPDF_Page page, std::string_view bytes, bool deflated);

}  // namespace gw::pdf
