// Shell completion scripts. Each asks the executable itself (`kubectl-gs __complete <words> <current>`)
// for candidates, using cobra's protocol: one candidate per line (optionally "value<TAB>description"),
// then a line ":<directive>". kubectl (>= 1.26) speaks the same protocol to `kubectl_complete-gs`, which
// is how `kubectl gs <TAB>` completes.

export const bash = `# bash completion for kubectl-gs (kubectl gs)
_kubectl_gs_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local out
  out=$(kubectl-gs __complete "\${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null) || return 0
  local candidates
  candidates=$(printf '%s\\n' "$out" | grep -v '^:' | cut -f1)
  COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
}
complete -o default -F _kubectl_gs_complete kubectl-gs
`;

export const zsh = `#compdef kubectl-gs
# zsh completion for kubectl-gs (kubectl gs)
_kubectl_gs() {
  local -a lines candidates
  lines=("\${(@f)$(kubectl-gs __complete "\${(@)words[2,CURRENT-1]}" "\${words[CURRENT]}" 2>/dev/null)}")
  local line
  for line in "\${lines[@]}"; do
    [[ "$line" == :* ]] && continue
    candidates+=("\${line%%$'\\t'*}")
  done
  compadd -a candidates
}
compdef _kubectl_gs kubectl-gs
`;

export const fish = `# fish completion for kubectl-gs (kubectl gs)
function __kubectl_gs_complete
    set -l words (commandline -opc)
    set -e words[1]
    kubectl-gs __complete $words (commandline -ct) 2>/dev/null | string match -v -r '^:'
end
complete -c kubectl-gs -f -a '(__kubectl_gs_complete)'
`;

export const powershell = `# PowerShell completion for kubectl-gs (kubectl gs)
Register-ArgumentCompleter -Native -CommandName 'kubectl-gs' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = $commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() }
    if ($wordToComplete -ne '' -and $words.Count -gt 0) { $words = $words[0..($words.Count - 2)] }
    $out = & kubectl-gs __complete @words $wordToComplete 2>$null
    $out | Where-Object { $_ -notmatch '^:' } | ForEach-Object {
        $value = ($_ -split "\`t")[0]
        [System.Management.Automation.CompletionResult]::new($value, $value, 'ParameterValue', $value)
    }
}
`;

export const scripts: Record<string, string> = { bash, zsh, fish, powershell };
