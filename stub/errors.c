/* Error texts, from the one GSTUB_ERRORS table. */
#include <gstub/gstub.h>

const char *gstub_strerror(int err)
{
	switch (err) {
	case GSTUB_OK:
		return "success";
#define GSTUB_ERROR_TEXT_(name, num, text) \
	case GSTUB_##name:                 \
		return text;
		GSTUB_ERRORS(GSTUB_ERROR_TEXT_)
#undef GSTUB_ERROR_TEXT_
	default:
		return "unknown error";
	}
}
