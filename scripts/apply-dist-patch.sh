#!/usr/bin/env bash
# Stages the dist/ patch that the Dependabot rebuild made (dependabot-dist.yml), in the git
# repository of the current directory, and refuses a patch that reaches anything outside
# dist/. The patch was built where the updated dependencies ran, so nothing in it is trusted.
# Usage: bash apply-dist-patch.sh PATCH
#
# Only the index changes: the work tree is never written, so a patch cannot plant a file
# that a later git command reads. On refusal the index is left as it was.
set -euo pipefail

patch="${1:?usage: apply-dist-patch.sh PATCH}"

refuse() {
  echo "apply-dist-patch: refused: $*" >&2
  exit 1
}

# A path the commit may hold: under dist/, no "." / ".." / ".git" component.
inside_dist() {
  local path="$1" part lower
  case "$path" in dist/?*) ;; *) return 1 ;; esac
  IFS=/ read -r -a parts <<<"$path"
  for part in "${parts[@]}"; do
    lower="$(printf '%s' "$part" | tr '[:upper:]' '[:lower:]')"
    case "$lower" in "" | . | .. | .git | .git.* | ".git "*) return 1 ;; esac
  done
  return 0
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. What the patch says it writes. (For a rename, numstat names only the new path: the
# check of the result below is what catches a file moved out of, or deleted outside, dist/.)
git apply --numstat -z -- "$patch" >"$work/numstat" 2>"$work/err" ||
  refuse "git cannot read $patch as a patch: $(head -c 500 "$work/err")"
while IFS= read -r -d '' record; do
  path="${record#*$'\t'}"
  path="${path#*$'\t'}"
  inside_dist "$path" || refuse "the patch touches $path, outside dist/"
done <"$work/numstat"

# 2. Apply it to a copy of the index only, dist/ paths only.
index="$(git rev-parse --path-format=absolute --git-path index)"
scratch="$index.dist-patch"
rm -f "$scratch"
cp "$index" "$scratch"
GIT_INDEX_FILE="$scratch" git apply --cached --include='dist/*' -- "$patch" 2>"$work/err" || {
  rm -f "$scratch"
  refuse "the patch does not apply: $(head -c 500 "$work/err")"
}

# 3. Check what git did, not what the patch claims: every changed path (renames split into a
# deletion and an addition) is inside dist/ and is a regular file, or removed.
GIT_INDEX_FILE="$scratch" git diff --cached --no-renames --raw -z HEAD >"$work/raw"
changes=0
while IFS= read -r -d '' meta && IFS= read -r -d '' path; do
  changes=$((changes + 1))
  new_mode="${meta#:}"
  new_mode="${new_mode#* }"
  new_mode="${new_mode%% *}"
  if ! inside_dist "$path"; then
    rm -f "$scratch"
    refuse "the patch changes $path, outside dist/"
  fi
  case "$new_mode" in 100644 | 100755 | 000000) ;; *)
    rm -f "$scratch"
    refuse "the patch makes $path a mode $new_mode entry (only regular files are allowed)"
    ;;
  esac
done <"$work/raw"
if [ "$changes" -eq 0 ]; then
  rm -f "$scratch"
  refuse "the patch changes nothing"
fi

mv -f "$scratch" "$index"
echo "apply-dist-patch: staged $changes change(s) under dist/"
