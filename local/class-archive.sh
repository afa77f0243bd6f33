# Sourced by run-local: the JVM options that make a start quicker and quieter, in the array `jvm`.
# Needs: home, classpath, jars (the classpath's entries), and $1 (the command) from run-local.
#
# A class-data archive (AppCDS), one per java: the classes serve loads, mapped at every later start
# instead of read and verified again (docs/local-runner.md: a start about 1.5 s sooner). A serve
# without a usable one records it, saved when that serve stops; RUN_LOCAL_CLASS_ARCHIVE=0 goes without.
archive_dir="$home/local/target/class-archive"
java_bin="$(command -v java)" || { echo "run-local: needs a JDK 17 or later: no java on PATH" >&2; exit 1; }
this_java="$archive_dir/$( { echo "$java_bin"; ls -lLn "$java_bin"; } | cksum | cut -d' ' -f1)"
archive="$this_java.jsa"
# a JVM that cannot use an archive (other JVM options, say) runs without it, as before, and quietly
no_cds_messages=(-Xlog:cds*=off)

# JDK 24 and later warn at every start that DynamoDB Local loads its SQLite library and that
# SchemaCache uses sun.misc.Unsafe (to hand the engine its mapper); both are meant, so a java that
# knows the options that say so gets them. Probed once per java, remembered beside its archive.
allowed_options="$this_java.options"
if [ ! -f "$allowed_options" ]; then
  mkdir -p "$archive_dir"
  allow=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  if java "${allow[@]}" -version >/dev/null 2>&1; then echo "${allow[*]}"; else echo; fi >"$allowed_options.$$"
  mv -f "$allowed_options.$$" "$allowed_options"
fi
read -r -a jvm <"$allowed_options" || true

fresh() { # the archive or recording $1 is newer than every jar it holds classes of
  [ -f "$1" ] && [ -z "$(find "${jars[@]}" -newer "$1" -print -quit)" ]
}

adopt_recordings() { # a recording whose serve has stopped becomes the archive, if this java can use it
  local recording pid
  for recording in "$archive".*.recording; do
    [ -f "$recording" ] || continue
    pid="${recording%.recording}"; pid="${pid##*.}"
    kill -0 "$pid" 2>/dev/null && continue
    if fresh "$recording" && java -Xshare:on -XX:SharedArchiveFile="$recording" "${no_cds_messages[@]}" \
        -cp "$classpath" -version >/dev/null 2>&1; then
      mv -f "$recording" "$archive" 2>/dev/null || true  # another run-local may have adopted it first
    else
      rm -f "$recording"
    fi
  done
}

if [ "${RUN_LOCAL_CLASS_ARCHIVE:-1}" != 0 ]; then
  adopt_recordings
  if fresh "$archive"; then
    jvm+=(-XX:SharedArchiveFile="$archive" "${no_cds_messages[@]}")
  elif [ "${1:-}" = serve ]; then
    rm -f "$archive"
    mkdir -p "$archive_dir"
    jvm+=(-XX:ArchiveClassesAtExit="$archive.$$.recording" "${no_cds_messages[@]}")
    echo "run-local: this serve records the classes it loads for later starts (saved as it stops)" >&2
  fi
fi
