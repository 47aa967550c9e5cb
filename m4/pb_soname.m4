dnl PB_SONAME(VAR, PKG, LIBNAME, DEFAULT, DESCRIPTION)
dnl The soname of the library LIBNAME (libcurl, libxml2) that pkg-config's
dnl PKG names, read from its libLIBNAME.so with objdump, else DEFAULT;
dnl ./configure VAR=... overrides it.  Defines VAR in config.h: the
dnl library paperboy loads with dlopen when it first needs it.
AC_DEFUN([PB_SONAME], [
AC_REQUIRE([PKG_PROG_PKG_CONFIG])
AC_ARG_VAR([$1], [the $3 to load at run time (default: the soname of the one pkg-config names)])
AC_CHECK_TOOL([OBJDUMP], [objdump], [no])
AC_MSG_CHECKING([which $3 to load when it is first needed])
pb_soname=$$1
pb_libdir=`$PKG_CONFIG --variable=libdir $2 2>/dev/null`
if test -z "$pb_soname" && test "x$OBJDUMP" != xno && test -f "$pb_libdir/$3.so"; then
  pb_soname=`LC_ALL=C $OBJDUMP -p "$pb_libdir/$3.so" 2>/dev/null | sed -n 's/^ *SONAME  *//p'`
fi
test -n "$pb_soname" || pb_soname=$4
AC_MSG_RESULT([$pb_soname])
AC_DEFINE_UNQUOTED([$1], ["$pb_soname"], [$5])
])
