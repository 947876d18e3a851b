// The page's only script: filters by outcome and by section. Rows and cases carry data-outcome(s) and data-section;
// everything is visible when the script does not run (e.g. in a CI artefact preview that strips scripts).

export const FILTER_SCRIPT = `(function(){
  var form=document.getElementById('filters');
  function apply(){
    var on={};form.querySelectorAll('input[name=outcome]').forEach(function(b){on[b.value]=b.checked;});
    var section=form.querySelector('select').value;
    document.querySelectorAll('[data-section]').forEach(function(el){
      var outs=(el.getAttribute('data-outcomes')||el.getAttribute('data-outcome')||'').split(' ');
      var okOutcome=outs.some(function(o){return on[o]!==false;});
      var okSection=!section||el.getAttribute('data-section')===section;
      el.classList.toggle('hidden',!(okOutcome&&okSection));
    });
  }
  form.addEventListener('change',apply);
})();`;
